import re

from django.db import migrations

# The first defaults named where each rule had been written down internally, e.g. "... (issue #4)"; the
# policy page is read by everyone, so those references go. Rows a national administrator edited keep
# their words: only a source still ending in such a reference is rewritten.
INTERNAL_REFERENCE = re.compile(r" \(issue #\d+\)$")


def drop_internal_references(apps, schema_editor):
    ClockPolicy = apps.get_model("clocks", "ClockPolicy")
    for policy in ClockPolicy.objects.filter(source__contains="(issue #"):
        cleaned = INTERNAL_REFERENCE.sub("", policy.source)
        if cleaned != policy.source:
            policy.source = cleaned
            policy.save(update_fields=["source"])


class Migration(migrations.Migration):
    dependencies = [("clocks", "0002_default_policies")]

    operations = [migrations.RunPython(drop_internal_references, migrations.RunPython.noop)]
