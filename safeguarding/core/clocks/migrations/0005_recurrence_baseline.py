from django.db import migrations


def load_defaults(apps, schema_editor):
    """Adds the recurrence alerts' baseline and rise settings (and any other missing default row)."""
    from safeguarding.core.clocks import defaults

    defaults.load(apps.get_model("clocks", "ClockPolicy").objects, apps.get_model("clocks", "PolicySetting").objects)


class Migration(migrations.Migration):
    dependencies = [("clocks", "0004_return_link_grace_days")]

    operations = [migrations.RunPython(load_defaults, migrations.RunPython.noop)]
