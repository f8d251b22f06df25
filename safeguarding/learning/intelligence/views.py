"""The national intelligence pages: national roles only (everyone else gets 404, so nothing is revealed)."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from safeguarding.core.forms import add_action_errors
from safeguarding.core.pagination import paginate, pagination_links
from safeguarding.learning.nsci.models import NationalInquiry
from safeguarding.learning.repository.models import RepositoryEntry

from . import analysis, recurrence, repetition, similarity
from .cached import cached
from .charts import count_bars
from .forms import DismissForm, FilterForm
from .models import AlertStatus, RecurrenceAlert

ALERTS_PER_PAGE = 25
CHARTED_THEMES = 15
LISTED_REPORTS = 20
CLUSTERS_SHOWN = 30
OPEN_ALERTS_SHOWN = 10


def national_only(perm="intelligence.view"):
    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.has_perm(perm):
                raise Http404
            try:
                return view(request, *args, **kwargs)
            except PermissionDenied:
                raise Http404 from None

        return wrapper

    return decorator


def _entries(user, entry_ids, limit=None):
    entries = RepositoryEntry.objects.visible_to(user).filter(pk__in=entry_ids).order_by("-published_on", "reference")
    return entries[:limit] if limit else entries


def _repetition(user, start, end, region):
    """The repetition index from the stored comparison; a fresh comparison is started in the background when
    recommendations arrived since the last (at most one waits at a time)."""
    found = repetition.repetition_index(start, end, region=region)
    if found.recommendations and (found.compared_at is None or found.not_compared):
        similarity.request_refresh(requested_by=user)
    return found


@national_only()
def dashboard(request):
    years = cached("coded years", (), analysis.coded_years)
    form = FilterForm(request.GET or None, years=years)
    start, end, period_label, region, chosen_theme = form.selection(timezone.localdate())
    region_key = region.pk if region else None
    counts = cached("theme counts", (start, end, region_key), lambda: analysis.theme_counts(start, end, region=region))
    # The theme followed over the years: the one chosen, else the one in most reports of the selection.
    if chosen_theme:
        followed = next((count for count in counts if count.theme == chosen_theme), None)
    else:
        followed = counts[0] if counts else None
    theme = chosen_theme or (followed.theme if followed else None)
    trend = (
        cached(
            "theme trend",
            (theme.pk, tuple(years), region_key),
            lambda: analysis.theme_trend(theme, years, region=region),
        )
        if theme
        else []
    )
    open_alerts = RecurrenceAlert.objects.filter(status=AlertStatus.OPEN).select_related("theme")
    context = {
        "current": "dashboard",
        "form": form,
        "period_label": period_label,
        "region": region,
        "counts": counts,
        "chart": count_bars(
            "themes-chart",
            f"Reports per theme, {period_label}",
            [(c.theme.name, c.reports) for c in counts[:CHARTED_THEMES]],
            unit="Reports with at least one finding coded with the theme",
        ),
        "theme": theme,
        "trend": trend,
        "trend_chart": count_bars(
            "trend-chart",
            f"Reports per year: {theme}" if theme else "",
            [(row.year, row.reports) for row in trend],
            unit="Reports published that year with a finding coded with the theme",
        ),
        "theme_entries": _entries(request.user, followed.entry_ids, LISTED_REPORTS) if followed else [],
        "theme_entry_count": len(followed.entry_ids) if followed else 0,
        "open_alerts": open_alerts[:OPEN_ALERTS_SHOWN],
        "open_alert_count": open_alerts.count(),
        "repetition": _repetition(request.user, start, end, region),
        "can_manage": request.user.has_perm("intelligence.manage_alerts"),
    }
    return render(request, "intelligence/dashboard.html", context)


@national_only("intelligence.manage_alerts")
@require_POST
def check(request):
    result = recurrence.detect(timezone.localdate(), actor=request.user)
    messages.success(request, f"Checked for recurrence: {result.summary}")
    return redirect("intelligence:alerts")


@national_only()
def alerts(request):
    status = request.GET.get("status")
    chosen = RecurrenceAlert.objects.select_related("theme", "dismissed_by")
    if status in AlertStatus.values:
        chosen = chosen.filter(status=status)
    page = paginate(request, chosen, ALERTS_PER_PAGE)
    return render(
        request,
        "intelligence/alerts.html",
        {
            "current": "alerts",
            "page": page,
            "pagination": pagination_links(page, request.GET),
            "status": status if status in AlertStatus.values else "",
            "statuses": AlertStatus.choices,
            "can_manage": request.user.has_perm("intelligence.manage_alerts"),
        },
    )


@national_only()
def alert(request, pk):
    alert = get_object_or_404(RecurrenceAlert.objects.select_related("theme", "dismissed_by"), pk=pk)
    can_manage = request.user.has_perm("intelligence.manage_alerts")
    form = DismissForm(request.POST or None, initial={"version": alert.version})
    if request.method == "POST":
        if not can_manage:
            raise Http404
        if form.is_valid():
            try:
                recurrence.dismiss(
                    request.user,
                    alert,
                    reason=form.cleaned_data["reason"],
                    expected_version=form.cleaned_data["version"],
                )
            except ValidationError as error:
                add_action_errors(form, error)
            else:
                messages.success(request, f"Alert on {alert.theme} dismissed")
                return redirect("intelligence:alert", pk=alert.pk)
    return render(
        request,
        "intelligence/alert.html",
        {
            "current": "alerts",
            "alert": alert,
            "form": form,
            "entries": _entries(request.user, alert.entries.values_list("pk", flat=True)),
            "can_manage": can_manage,
            "proposal": NationalInquiry.objects.visible_to(request.user)
            .not_declined()
            .filter(recurrence_alert=alert)
            .order_by("pk")
            .first(),
        },
    )


@national_only()
def repeated(request):
    today = timezone.localdate()
    form = FilterForm(request.GET or None, years=cached("coded years", (), analysis.coded_years))
    start, end, period_label, region, _theme = form.selection(today)
    found = _repetition(request.user, start, end, region)
    return render(
        request,
        "intelligence/repetition.html",
        {
            "current": "repetition",
            "form": form,
            "period_label": period_label,
            "region": region,
            "repetition": found,
            "clusters": found.clusters[:CLUSTERS_SHOWN],
            "threshold_percent": round(100 * found.threshold),
        },
    )
