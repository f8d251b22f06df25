from django.db import migrations


def load_defaults(apps, schema_editor):
    from safeguarding.core.clocks import defaults

    ClockPolicy = apps.get_model("clocks", "ClockPolicy")
    PolicySetting = apps.get_model("clocks", "PolicySetting")
    for key, name, starts_from, amount, unit, source in defaults.CLOCKS:
        ClockPolicy.objects.get_or_create(
            key=key,
            defaults={"name": name, "starts_from": starts_from, "amount": amount, "unit": unit, "source": source},
        )
    for key, name, value, description in defaults.SETTINGS:
        PolicySetting.objects.get_or_create(
            key=key, defaults={"name": name, "value": value, "description": description}
        )


class Migration(migrations.Migration):
    dependencies = [("clocks", "0001_initial")]

    operations = [migrations.RunPython(load_defaults, migrations.RunPython.noop)]
