from django.db import models


class SafeguardingArea(models.Model):
    """The area for which the three statutory partners agree arrangements (Wood recommendation 3).

    It covers one or more local authorities, and the police forces and health bodies that serve
    them are its partners. An organisation may be a partner of several areas.
    """

    class Nation(models.TextChoices):
        ENGLAND = "england", "England"
        WALES = "wales", "Wales"

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    nation = models.CharField(
        max_length=10,
        choices=Nation.choices,
        default=Nation.ENGLAND,
        help_text="Decides the bank holidays its clocks skip",
    )
    local_authorities = models.ManyToManyField("organisations.LocalAuthority", related_name="safeguarding_areas")
    partners = models.ManyToManyField("organisations.Organisation", related_name="safeguarding_areas", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
