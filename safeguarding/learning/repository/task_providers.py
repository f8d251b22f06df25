"""Findings waiting to be coded against the category scheme, one task per report, for national analysts.

A report's task goes as soon as its last finding is coded. There is no deadline in the policy table for
coding, so the reports that have waited longest in the repository come first among them.
"""

from django.db.models import Count, F, Min
from django.urls import reverse

from safeguarding.core.work.tasks import Task

from .coding.actions import PERMISSION
from .models import RepositoryEntry, RepositoryFinding


def coding_tasks(work):
    if not work.user.has_perm(PERMISSION):
        return []
    uncoded = (
        RepositoryFinding.objects.filter(
            entry__in=RepositoryEntry.objects.visible_to(work.user), edition=F("entry__edition"), coded_at__isnull=True
        )
        .values("entry__reference", "entry__area_name", "entry__added_on")
        .annotate(findings=Count("pk"), first=Min("pk"))
        .order_by()
    )
    tasks = []
    for row in uncoded:
        count = row["findings"]
        tasks.append(
            Task(
                kind="repository.code-findings",
                action=f"Code {count} finding{'s' if count != 1 else ''} against the category scheme",
                reference=row["entry__reference"],
                url=reverse("coding:code-finding", args=[row["first"]]),
                detail=row["entry__area_name"],
                waiting_since=row["entry__added_on"],
            )
        )
    return tasks


PROVIDERS = [coding_tasks]
