"""The service's own pages: start page, signed-in home, and the statements every service must have."""

from itertools import groupby

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from ..pagination import paginate, pagination_links
from ..work.tasks import Urgency, open_tasks

TASKS_PER_PAGE = 25


def start(request):
    return render(request, "core/start.html")


@login_required
def home(request):
    """Your work: every task waiting for the person across their roles and areas, most urgent first, then
    the roles they hold."""
    tasks = open_tasks(request)
    page = paginate(request, tasks, TASKS_PER_PAGE)
    groups = [(Urgency.HEADINGS[urgency], list(items)) for urgency, items in groupby(page.object_list, key=_urgency)]
    memberships = request.user.memberships.select_related("organisation", "area").order_by("role")
    context = {
        "memberships": memberships,
        "task_count": len(tasks),
        "overdue_count": sum(1 for task in tasks if task.urgency == Urgency.OVERDUE),
        "page": page,
        "task_groups": groups,
        "pagination": pagination_links(page, request.GET),
    }
    return render(request, "core/home.html", context)


def _urgency(task):
    return task.urgency


def accessibility(request):
    return render(request, "core/accessibility.html")


def privacy(request):
    return render(request, "core/privacy.html")
