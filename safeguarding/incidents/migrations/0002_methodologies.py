"""The maintained list of LLI methodologies, with guidance on when each fits (Wood paras 164 and 172)."""

from django.db import migrations

METHODOLOGIES = [
    (
        "systems-learning-together",
        "Systems approach (SCIE Learning Together)",
        "Fits when the question is why sensible professionals acted as they did: it looks past individual "
        "error to the conditions of work (tools, caseloads, supervision, the way agencies hand over). Needs "
        "case-group meetings with the practitioners involved and two accredited reviewers; allow the full "
        "three months.",
    ),
    (
        "silp",
        "Significant Incident Learning Process (SILP)",
        "Fits when many agencies were involved and the area wants them to reach the learning together: "
        "agency reports, a learning event with practitioners and managers, then a recall day. Quick to "
        "run when the agencies can release staff on the planned dates.",
    ),
    (
        "practitioner-learning-event",
        "Practitioner learning event (Wales child practice review style)",
        "Fits a focused inquiry into a short period of practice: a timeline, one facilitated event with "
        "the practitioners who knew the child, and a short report. The fastest method; suits cases where "
        "the rapid inquiry already shows the main questions.",
    ),
    (
        "appreciative-inquiry",
        "Appreciative inquiry",
        "Fits when much went well and the learning is about what made it work, so that it can be spread "
        "(Wood para 168: learning from things that went well). Not for cases where a practice problem "
        "must be understood first.",
    ),
    (
        "hybrid",
        "Hybrid of methods",
        "Fits when no single method answers the terms of reference, for example a systems analysis of "
        "one agency's part with a practitioner event for the rest. Say in the terms of reference which "
        "method covers which question.",
    ),
]


def add_methodologies(apps, schema_editor):
    Methodology = apps.get_model("incidents", "Methodology")
    for position, (slug, name, guidance) in enumerate(METHODOLOGIES):
        Methodology.objects.update_or_create(
            slug=slug, defaults={"name": name, "guidance": guidance, "position": position}
        )


class Migration(migrations.Migration):
    dependencies = [("incidents", "0001_initial"), ("clocks", "0002_default_policies")]
    operations = [migrations.RunPython(add_methodologies, migrations.RunPython.noop)]
