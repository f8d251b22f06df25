"""Agency reporting forms: the panel manager asks each agency that knew the child for its report."""

from django.conf import settings
from django.db import models

from .notifications import CaseChildQuerySet
from .vocabulary import SupplementaryContext

# The questions every agency answers, and those a context adds. Keys are stable: answers are stored by key.
CORE_QUESTIONS = (
    ("involvement", "What was your agency's involvement with the child and family?"),
    ("last_contact", "When and how was your agency's last contact with the child?"),
    ("concerns", "Were there any safeguarding or welfare concerns known to your agency?"),
    ("learning", "Is there anything your agency would do differently?"),
)
SUPPLEMENTARY_QUESTIONS = {
    SupplementaryContext.SUDI: (
        ("sleep_environment", "Describe the sleeping arrangements when the child was found"),
        ("safer_sleep_advice", "Was safer sleep advice given to the family, and when?"),
        ("smoking", "Was there smoking in the household, or in pregnancy?"),
    ),
    SupplementaryContext.SUICIDE: (
        ("mental_health_contact", "Was the young person known to mental health services?"),
        ("self_harm_history", "Was there any known history of self-harm?"),
        ("online_factors", "Were any online or social media factors known?"),
    ),
    SupplementaryContext.DROWNING: (
        ("water_setting", "Where did the drowning happen (bath, pool, open water)?"),
        ("supervision", "Who was supervising the child?"),
        ("swimming_ability", "Could the child swim?"),
    ),
    SupplementaryContext.ROAD_TRAFFIC: (
        ("road_user", "Was the child a pedestrian, cyclist, passenger or driver?"),
        ("restraint", "Was a seat belt, child seat or helmet used?"),
        ("road_environment", "Describe the road, lighting and speed limit"),
    ),
    SupplementaryContext.ASTHMA_ANAPHYLAXIS: (
        ("care_plan", "Did the child have a personalised asthma or allergy action plan?"),
        ("medication", "Were reliever medicines or adrenaline auto-injectors prescribed and available?"),
        ("recent_attendances", "Any emergency attendances in the past 12 months?"),
    ),
    SupplementaryContext.CARDIAC: (
        ("known_condition", "Was a cardiac condition known before death?"),
        ("family_history", "Is there a family history of sudden cardiac death?"),
    ),
    SupplementaryContext.NEONATAL: (
        ("gestation", "Gestation at birth (weeks) and birth weight"),
        ("place_of_birth", "Where was the baby born, and was transfer needed?"),
        ("perinatal_review", "Has a perinatal mortality review been started?"),
    ),
}


def questions_for(contexts):
    """(key, question) pairs for a form: the core ones, then each context's in the order chosen."""
    questions = list(CORE_QUESTIONS)
    for context in contexts:
        questions.extend(SUPPLEMENTARY_QUESTIONS.get(context, ()))
    return questions


class AgencyReport(models.Model):
    """A report requested from one agency. Its clock starts on the day it was requested."""

    case = models.ForeignKey("child_deaths.ChildDeathCase", on_delete=models.PROTECT, related_name="agency_reports")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    contexts = models.JSONField(default=list, blank=True, help_text="Values of SupplementaryContext")
    requested_on = models.DateField()
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    answers = models.JSONField(default=dict, blank=True)
    submitted_on = models.DateField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reminded_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    objects = CaseChildQuerySet.as_manager()

    class Meta:
        ordering = ["requested_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["case", "organisation"], name="one_report_per_agency_per_case")]
        # Task lists and the header's count look for reports still awaited among tens of thousands submitted.
        indexes = [
            models.Index(fields=["case"], condition=models.Q(submitted_on__isnull=True), name="agency_report_awaited")
        ]

    def __str__(self):
        return f"Report from {self.organisation} on {self.case}"

    def questions(self):
        return questions_for(self.contexts)

    def answered(self):
        """(question, answer) pairs of a submitted report, in the form's order."""
        return [(question, self.answers.get(key, "")) for key, question in self.questions()]
