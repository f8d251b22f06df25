"""Stores the current clock of every case that existed before the clock was stored."""

from django.db import migrations


def back_fill(apps, schema_editor):
    from safeguarding.incidents import clocks

    Incident = apps.get_model("incidents", "Incident")
    ClockPolicy = apps.get_model("clocks", "ClockPolicy")
    incidents = Incident.objects.all()
    if not incidents.exists():
        return
    policies = {policy.key: policy for policy in ClockPolicy.objects.filter(key__in=clocks.KEYS)}
    missing = sorted(set(clocks.KEYS) - set(policies))
    if missing:
        raise RuntimeError(f"The policy table has no row for {', '.join(missing)}: add it, then migrate again")
    clocks.refresh_stored_clocks(incidents, policies=policies)


class Migration(migrations.Migration):
    dependencies = [
        ("incidents", "0008_stored_current_clock"),
        ("clocks", "0004_return_link_grace_days"),
    ]

    operations = [migrations.RunPython(back_fill, migrations.RunPython.noop, elidable=True)]
