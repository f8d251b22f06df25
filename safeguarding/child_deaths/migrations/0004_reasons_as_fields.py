"""Proposals made before linkage models were kept held their reasons as [field, outcome, weight] rows;
the proposal page now reads each field's level and weight by name."""

from django.db import migrations


def rows_to_fields(apps, schema_editor):
    LinkCandidate = apps.get_model("child_deaths", "LinkCandidate")
    for candidate in LinkCandidate.objects.all().only("pk", "reasons"):
        if not isinstance(candidate.reasons, list):
            continue
        candidate.reasons = {
            "model_version": None,
            "prior_weight": None,
            "fields": [
                {
                    "comparison": None,
                    "label": row[0],
                    "level": None,
                    "outcome": row[1],
                    "weight": row[2],
                    "frequency_weight": 0.0,
                }
                for row in candidate.reasons
            ],
        }
        candidate.save(update_fields=["reasons"])


class Migration(migrations.Migration):
    dependencies = [("child_deaths", "0003_linkage_models")]

    operations = [migrations.RunPython(rows_to_fields, migrations.RunPython.noop)]
