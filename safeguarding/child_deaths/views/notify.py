"""Any agency notifies a child's death."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding.core.forms import add_action_errors

from ..actions.notify import notify_death
from ..forms.notify import NotificationForm
from ..models import ChildDeathCase

SESSION_KEY = "child_death_notified"


def _organisation(user):
    membership = user.memberships.select_related("organisation").filter(area__isnull=False).first()
    return membership.organisation if membership else None


@login_required
@require_http_methods(["GET", "POST"])
def notify(request):
    if not request.user.has_perm("child_deaths.notify"):
        raise Http404
    form = NotificationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            result = notify_death(request.user, form.cleaned_data, organisation=_organisation(request.user))
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            may_see_case = ChildDeathCase.objects.visible_to(request.user).filter(pk=result.case.pk).exists()
            request.session[SESSION_KEY] = result.receipt_for(may_see_case)
            return redirect("child_deaths:notified")
    return render(request, "child_deaths/notify.html", {"form": form})


@login_required
def notified(request):
    """The confirmation, read from the session so a refresh does not notify twice."""
    receipt = request.session.get(SESSION_KEY)
    if not receipt:
        return redirect("child_deaths:notify")
    return render(request, "child_deaths/notified.html", {"receipt": receipt})
