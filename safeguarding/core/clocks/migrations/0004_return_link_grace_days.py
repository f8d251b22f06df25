from django.db import migrations


def load_defaults(apps, schema_editor):
    """Adds the grace period of agency return links (and any other missing default row)."""
    from safeguarding.core.clocks import defaults

    defaults.load(apps.get_model("clocks", "ClockPolicy").objects, apps.get_model("clocks", "PolicySetting").objects)


class Migration(migrations.Migration):
    dependencies = [("clocks", "0003_sources_without_internal_references")]

    operations = [migrations.RunPython(load_defaults, migrations.RunPython.noop)]
