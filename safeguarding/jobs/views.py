"""The jobs page: workers' heartbeats, each scheduled job's latest run with "Run now", recent runs and failures."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.module_loading import import_string
from django.views.decorators.http import require_POST
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from safeguarding.core.pagination import paginate, pagination_links

from . import actions
from .health import worker_health
from .models import JobRun, RunStatus, WorkerHeartbeat
from .runs import with_latest_progress
from .schedules import JOBS, scheduled_jobs
from .worker import stale_after

PAGE_SIZE = 25
# A run's page reloads itself this often while the run is queued or running (no JavaScript needed).
REFRESH_SECONDS = 3


def _require(request, perm):
    if not request.user.has_perm(perm):
        raise Http404


@login_required
def job_list(request):
    _require(request, "jobs.view")
    now = timezone.now()
    latest = {}
    for run in JobRun.objects.filter(job__in=[j.name for j in scheduled_jobs()]).order_by("job", "-queued_at"):
        latest.setdefault(run.job, run)
    schedules = [{"definition": d, "latest": latest.get(d.name), "period": d.period(now)} for d in scheduled_jobs()]
    page = paginate(request, JobRun.objects.select_related("requested_by"), PAGE_SIZE)
    queue = dict(DBTaskResult.objects.values_list("status").annotate(n=Count("id")).order_by())
    failed_tasks = DBTaskResult.objects.failed().order_by("-finished_at")[:10]
    workers = [
        {"heartbeat": heartbeat, "alive": now - heartbeat.last_seen <= stale_after()}
        for heartbeat in WorkerHeartbeat.objects.all()[:20]
    ]
    return render(
        request,
        "jobs/list.html",
        {
            "schedules": schedules,
            "page": page,
            "pagination": pagination_links(page, request.GET),
            "health": worker_health(now),
            "workers": workers,
            "queue": {label: queue.get(status, 0) for status, label in TaskResultStatus.choices},
            "failed_tasks": failed_tasks,
            "may_run": request.user.has_perm("jobs.run_now"),
            "titles": {name: definition.title for name, definition in JOBS.items()},
        },
    )


@login_required
@require_POST
def run_now(request, name):
    _require(request, "jobs.run_now")
    if name not in JOBS:
        raise Http404
    try:
        run = actions.run_now(request.user, name)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("jobs:list")
    messages.success(request, f"{JOBS[name].title}: queued to run now")
    return redirect("jobs:run", pk=run.pk)


@login_required
def run_detail(request, pk):
    """A run's status and progress: while it runs, a small script fetches the page again; without JavaScript
    the page has a link to check again."""
    run = get_object_or_404(JobRun.objects.select_related("requested_by"), pk=pk)
    definition = JOBS.get(run.job)
    may_see = (
        request.user.has_perm("jobs.view")
        or (run.requested_by_id and run.requested_by_id == request.user.pk)
        or (definition is not None and definition.view_perm and request.user.has_perm(definition.view_perm))
    )
    if not may_see:
        raise Http404
    run = with_latest_progress(run)
    links = []
    if definition is not None and definition.links and run.status == RunStatus.SUCCEEDED:
        links = import_string(definition.links)(run)
    return render(
        request,
        "jobs/run.html",
        {
            "run": run,
            "title": definition.title if definition else run.job,
            "links": links,
            "refresh_seconds": REFRESH_SECONDS,
        },
    )
