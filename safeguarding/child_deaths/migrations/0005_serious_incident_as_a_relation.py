"""The serious incident linked to a child death becomes a relation to the incident.

A free-text reference typed before is resolved to the incident when it names a notified serious incident of
the case's area (SI-00042, si-42, 42); otherwise it is kept, word for word, as a legacy note shown as text.
"""

import re

import django.db.models.deletion
from django.db import migrations, models

REFERENCE = re.compile(r"^\s*(?:SI[-\s]?)?0*(\d{1,9})\s*$", re.IGNORECASE)


def resolve_references(apps, schema_editor):
    PanelReview = apps.get_model("child_deaths", "PanelReview")
    Incident = apps.get_model("incidents", "Incident")
    reviews = PanelReview.objects.exclude(serious_incident_legacy_reference="").select_related("case")
    for review in reviews.iterator():
        match = REFERENCE.match(review.serious_incident_legacy_reference)
        if match is None:
            continue
        incident = (
            Incident.objects.filter(pk=int(match.group(1)), area_id=review.case.area_id).exclude(status="draft").first()
        )
        if incident is not None:
            review.serious_incident = incident
            review.serious_incident_legacy_reference = ""
            review.save(update_fields=["serious_incident", "serious_incident_legacy_reference"])


def restore_references(apps, schema_editor):
    PanelReview = apps.get_model("child_deaths", "PanelReview")
    for review in PanelReview.objects.exclude(serious_incident=None).iterator():
        review.serious_incident_legacy_reference = f"SI-{review.serious_incident_id:05d}"
        review.serious_incident = None
        review.save(update_fields=["serious_incident", "serious_incident_legacy_reference"])


class Migration(migrations.Migration):
    dependencies = [
        ("child_deaths", "0004_reasons_as_fields"),
        ("incidents", "0006_rapid_inquiry_national_summary"),
    ]

    operations = [
        migrations.RenameField(
            model_name="panelreview",
            old_name="serious_incident_reference",
            new_name="serious_incident_legacy_reference",
        ),
        migrations.AddField(
            model_name="panelreview",
            name="serious_incident",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="child_death_reviews",
                to="incidents.incident",
            ),
        ),
        migrations.RunPython(resolve_references, restore_references),
    ]
