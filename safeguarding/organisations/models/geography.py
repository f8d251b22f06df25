"""England's public geography, loaded from the reference data (see load_reference_data)."""

from django.db import models


class Region(models.Model):
    code = models.CharField(max_length=9, unique=True, help_text="ONS region code, e.g. E12000001")
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class PoliceForceArea(models.Model):
    code = models.CharField(max_length=9, unique=True, help_text="ONS police force area code, e.g. E23000013")
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class IntegratedCareBoard(models.Model):
    code = models.CharField(max_length=9, unique=True, help_text="ONS ICB code, e.g. E54000050")
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class LocalAuthority(models.Model):
    """One of England's 153 children's services (upper-tier) local authorities."""

    code = models.CharField(max_length=9, unique=True, help_text="ONS code in use by DfE, e.g. E06000001")
    old_code = models.CharField(max_length=3, help_text="DfE's three-digit LA number")
    name = models.CharField(max_length=100)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="local_authorities")
    police_force_area = models.ForeignKey(PoliceForceArea, on_delete=models.PROTECT, related_name="local_authorities")
    integrated_care_boards = models.ManyToManyField(
        IntegratedCareBoard, through="LocalAuthorityIcbShare", related_name="local_authorities"
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "local authorities"

    def __str__(self):
        return self.name


class LocalAuthorityIcbShare(models.Model):
    """The share of an authority's small areas (LSOAs) inside an ICB; 14 districts span two or more."""

    local_authority = models.ForeignKey(LocalAuthority, on_delete=models.CASCADE)
    integrated_care_board = models.ForeignKey(IntegratedCareBoard, on_delete=models.CASCADE)
    share = models.DecimalField(max_digits=5, decimal_places=4)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["local_authority", "integrated_care_board"], name="unique_la_icb_share"),
            models.CheckConstraint(condition=models.Q(share__gt=0, share__lte=1), name="la_icb_share_in_range"),
        ]

    def __str__(self):
        return f"{self.local_authority} in {self.integrated_care_board}: {self.share}"


class ChildPopulation(models.Model):
    """Children aged 0 to 17 at mid-year (ONS revised estimates, DfE series) for England, a region or an LA."""

    class Level(models.TextChoices):
        NATIONAL = "national", "England"
        REGIONAL = "regional", "Region"
        LOCAL_AUTHORITY = "local_authority", "Local authority"

    level = models.CharField(max_length=20, choices=Level.choices)
    code = models.CharField(max_length=9, help_text="ONS code of England, the region or the local authority")
    year = models.PositiveSmallIntegerField()
    children = models.PositiveIntegerField()

    class Meta:
        ordering = ["code", "year"]
        constraints = [models.UniqueConstraint(fields=["code", "year"], name="unique_child_population_per_year")]

    def __str__(self):
        return f"{self.code} {self.year}: {self.children}"
