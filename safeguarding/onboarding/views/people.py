"""Inviting people from a CSV file (checked first, then sent), and deactivating a person."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from safeguarding.core.forms import add_action_errors
from safeguarding.organisations.actions.checks import people_administered_by
from safeguarding.organisations.forms.choices import areas_for
from safeguarding.organisations.models import Membership
from safeguarding.organisations.views.access import administrator_required

from ..actions import people as actions
from ..forms import BulkInviteForm
from .common import accept_url_builder


@administrator_required
def bulk_invite(request):
    form = BulkInviteForm(request.POST or None, request.FILES or None, areas=areas_for(request.user))
    rows = text = None
    if request.method == "POST" and form.is_valid():
        area = form.cleaned_data["area"]
        text = form.text()
        if text is not None:
            try:
                if form.cleaned_data.get("confirm"):
                    rows = actions.send_invitations(
                        request.user, area, text, accept_url_builder=accept_url_builder(request)
                    )
                    sent = sum(1 for row in rows if row.will_invite)
                    messages.success(request, f"{sent} invitation{'s' if sent != 1 else ''} sent for {area.name}")
                    return redirect("organisations:invitations")
                rows = actions.check_rows(request.user, area, text)
            except ValidationError as error:
                add_action_errors(form, error)
                rows = None
    counts = None
    if rows is not None:
        counts = {
            "invite": sum(1 for row in rows if row.outcome == actions.Outcome.INVITE),
            "skipped": sum(1 for row in rows if row.outcome in {actions.Outcome.INVITED, actions.Outcome.HOLDS}),
            "refused": sum(1 for row in rows if row.outcome == actions.Outcome.REFUSED),
        }
    return render(
        request,
        "onboarding/bulk_invite.html",
        {
            "form": form,
            "rows": rows,
            "counts": counts,
            "content": text,
            "file_name": form.name_of_file() if rows is not None else "",
            "area": form.cleaned_data.get("area") if rows is not None else None,
            "columns": actions.COLUMNS,
        },
    )


@administrator_required
def deactivate(request, pk):
    person = get_object_or_404(people_administered_by(request.user), pk=pk)
    roles = Membership.objects.administered_by(request.user).filter(user=person).select_related("organisation", "area")
    refusal = None
    if request.method == "POST":
        try:
            ended = actions.deactivate_person(request.user, person)
        except ValidationError as error:
            refusal = error.messages[0]
        else:
            messages.success(
                request, f"{person.full_name} has been deactivated: {ended} role{'s' if ended != 1 else ''} ended"
            )
            return redirect("organisations:people")
    return render(request, "onboarding/deactivate.html", {"person": person, "roles": roles, "refusal": refusal})
