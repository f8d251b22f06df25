"""Forms for the steps after notification. Rules live in the actions; these check shape only."""

from django import forms
from django.utils import timezone

from safeguarding.core.forms import GovukDateField
from safeguarding.organisations.forms.choices import use_grouped_organisations
from safeguarding.organisations.models import Organisation, OrganisationKind

from ..models import FamilyContact
from ..models.vocabulary import Category, Domain, Modifiable, SupplementaryContext


def _text(label, *, rows=4, required=False, help_text=""):
    return forms.CharField(
        label=label, required=required, help_text=help_text, widget=forms.Textarea(attrs={"rows": rows})
    )


class VersionedForm(forms.Form):
    """Carries the version of the record the person loaded, so a stale save is refused."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ResponseForm(VersionedForm):
    police_lead = forms.CharField(label="Police lead (name and rank)", max_length=200, required=False)
    health_lead = forms.CharField(label="Health lead (name and role)", max_length=200, required=False)
    social_care_lead = forms.CharField(
        label="Children's social care lead (if involved)", max_length=200, required=False
    )
    home_visit_on = GovukDateField(label="Date of the joint home visit", required=False)
    home_visit_notes = _text("What the home visit found")
    key_worker_name = forms.CharField(label="Key worker for the family", max_length=200, required=False)
    key_worker_contact = forms.CharField(label="How the family reach the key worker", max_length=200, required=False)


class FamilyContactForm(forms.Form):
    contacted_on = GovukDateField(label="Date of the contact", required=False)
    kind = forms.ChoiceField(
        label="How was the family contacted?",
        choices=FamilyContact.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how the family was contacted"},
    )
    made_by = forms.CharField(label="Who made the contact, and their role", max_length=200, required=False)
    summary = _text("Summary of the contact", rows=3)


class RequestReportForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label="Agency",
        queryset=Organisation.objects.none(),
        required=False,
        empty_label="Select an agency",
        help_text="An agency that knew the child or family",
    )
    contexts = forms.MultipleChoiceField(
        label="Add questions for these circumstances (select all that apply)",
        choices=SupplementaryContext.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = (
            Organisation.objects.filter(is_active=True).exclude(kind=OrganisationKind.NATIONAL_BODY).order_by("name")
        )
        # The case's own area's partners and agencies first: they are whom a panel asks most often.
        use_grouped_organisations(
            self.fields["organisation"],
            first=case.area.partners.filter(is_active=True),
            first_label=f"Partners and agencies of {case.area.name}",
        )


class AgencyReportForm(VersionedForm):
    """One text box per question of the report's form: core questions then the context's."""

    def __init__(self, *args, report, **kwargs):
        super().__init__(*args, **kwargs)
        for key, question in report.questions():
            self.fields[key] = _text(question, rows=3)


class MeetingForm(VersionedForm):
    held_on = GovukDateField(label="Date of the meeting", required=False)
    attendance = _text("Who attended", help_text="One a line: name, role, agency")
    chronology = _text("Chronology", rows=6)
    discussion = _text("Discussion", rows=6)
    draft_analysis = _text("Draft analysis for the panel", rows=6)


class PanelReviewForm(VersionedForm):
    reviewed_on = GovukDateField(label="Date of the panel's review", required=False)
    category = forms.ChoiceField(
        label="Category of death",
        choices=Category.choices,
        widget=forms.RadioSelect,
        required=False,
        error_messages={"invalid_choice": "Select a category from the 10 standard categories"},
    )
    factors_child = _text(Domain.CHILD.label, rows=3)
    factors_social = _text(Domain.SOCIAL.label, rows=3)
    factors_physical = _text(Domain.PHYSICAL.label, rows=3)
    factors_services = _text(Domain.SERVICES.label, rows=3)
    modifiable = forms.ChoiceField(
        label="Were modifiable factors identified?",
        choices=Modifiable.choices,
        widget=forms.RadioSelect,
        required=False,
        error_messages={"invalid_choice": "Select yes, no or insufficient information"},
    )
    modifiable_domains = forms.MultipleChoiceField(
        label="In which domains were the modifiable factors?",
        choices=Domain.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": "Select only domains from the list"},
    )
    abuse_or_neglect_suspected = forms.BooleanField(label="Abuse or neglect is suspected", required=False)
    learning_points = _text("Learning points")
    actions = _text("Actions agreed", help_text="Who will do what, and by when")
    late_reason = _text(
        "If the review is later than six months after the death, why",
        rows=3,
    )


class SeriousIncidentLinkForm(forms.Form):
    """One of the area's notified serious incidents: radios for a few, a select for many."""

    RADIOS_UP_TO = 10

    incident = forms.ModelChoiceField(
        label="Serious incident",
        queryset=None,
        empty_label=None,
        error_messages={"required": "Choose the serious incident to link"},
    )

    def __init__(self, *args, incidents, case, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["incident"]
        field.queryset = incidents
        field.help_text = f"Notified serious incidents of {case.area.name}, the same child's first"

        def label(incident):
            parts = [incident.reference]
            if incident.submitted_at:
                parts.append(f"notified {timezone.localtime(incident.submitted_at):%-d %B %Y}")
            if incident.incident_date:
                parts.append(f"incident on {incident.incident_date:%-d %B %Y}")
            text = ", ".join(parts)
            return f"{text} (the same child)" if incident.child_id and incident.child_id == case.child_id else text

        field.label_from_instance = label
        if incidents.count() <= self.RADIOS_UP_TO:
            field.widget = forms.RadioSelect()
        else:
            field.empty_label = "Choose a serious incident"
        field.widget.choices = field.choices
