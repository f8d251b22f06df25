"""National pages: where every area in England stands, and the deadline for the transition."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguarding.core.audit_search.export import neutralise_formula
from safeguarding.core.forms import add_action_errors

from ..actions.tracking import set_deadline
from ..forms import DeadlineForm
from ..models import TransitionDeadline
from ..national import CSV_COLUMNS, csv_rows, transition_table


def _require(user, perm):
    if not user.has_perm(perm):
        raise Http404


@login_required
def transition(request):
    _require(request.user, "arrangements.view_national")
    deadline = TransitionDeadline.current()
    today = timezone.localdate()
    rows, groups, summary, unformed_total = transition_table(deadline.deadline if deadline else None, today)
    return render(
        request,
        "arrangements/national/transition.html",
        {
            "rows": rows,
            "groups": groups,
            "summary": summary,
            "unformed_total": unformed_total,
            "deadline": deadline,
            "today": today,
            "may_set_deadline": request.user.has_perm("arrangements.set_deadline"),
        },
    )


class _Line:
    def write(self, line):
        return line


@login_required
def transition_csv(request):
    _require(request.user, "arrangements.view_national")
    deadline = TransitionDeadline.current()
    rows, groups, _, _ = transition_table(deadline.deadline if deadline else None, timezone.localdate())
    writer = csv.writer(_Line())

    def lines():
        yield writer.writerow(CSV_COLUMNS)
        for cells in csv_rows(rows, groups):
            yield writer.writerow([neutralise_formula(cell) for cell in cells])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="arrangements-transition-{timezone.localdate():%Y%m%d}.csv"'
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def deadline(request):
    _require(request.user, "arrangements.set_deadline")
    current = TransitionDeadline.current()
    form = DeadlineForm(
        request.POST if request.method == "POST" else None, initial={"deadline": current.deadline if current else None}
    )
    if request.method == "POST" and form.is_valid():
        try:
            row = set_deadline(request.user, **form.cleaned_data)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(
                request, f"Every area in England must now publish its arrangements by {row.deadline:%-d %B %Y}."
            )
            return redirect("arrangements:national-transition")
    history = TransitionDeadline.objects.select_related("set_by")[:20]
    return render(
        request, "arrangements/national/deadline.html", {"form": form, "current": current, "history": history}
    )
