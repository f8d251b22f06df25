"""The national policy table: everyone signed in may read it; national administrators change it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding.core.forms import add_action_errors

from . import actions
from .forms import ClockPolicyForm, PolicySettingForm
from .models import ClockPolicy, PolicySetting


@login_required
def policy_table(request):
    return render(
        request,
        "clocks/policy_table.html",
        {
            "clocks": ClockPolicy.objects.all(),
            "settings_rows": PolicySetting.objects.all(),
            "can_edit": request.user.has_perm(actions.EDIT_PERMISSION),
        },
    )


def _require_editor(user):
    # 404 rather than 403, like the service's other administration pages.
    if not user.has_perm(actions.EDIT_PERMISSION):
        raise Http404


def _apply(request, form, change):
    try:
        change()
    except ValidationError as error:
        add_action_errors(form, error)
        return False
    return True


@login_required
@require_http_methods(["GET", "POST"])
def edit_clock(request, key):
    _require_editor(request.user)
    policy = get_object_or_404(ClockPolicy, key=key)
    form = ClockPolicyForm(request.POST or None, initial={"amount": policy.amount, "unit": policy.unit})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _apply(
            request,
            form,
            lambda: actions.change_clock_policy(request.user, policy, amount=data["amount"], unit=data["unit"]),
        ):
            messages.success(request, f"{policy.name} changed. New cases' clocks use it from now on.")
            return redirect("clocks:policy-table")
    return render(request, "clocks/edit.html", {"form": form, "row": policy, "title": policy.name})


@login_required
@require_http_methods(["GET", "POST"])
def edit_setting(request, key):
    _require_editor(request.user)
    policy_setting = get_object_or_404(PolicySetting, key=key)
    form = PolicySettingForm(request.POST or None, initial={"value": policy_setting.value})
    if request.method == "POST" and form.is_valid():
        value = form.cleaned_data["value"]
        if _apply(request, form, lambda: actions.change_policy_setting(request.user, policy_setting, value=value)):
            messages.success(request, f"{policy_setting.name} changed.")
            return redirect("clocks:policy-table")
    return render(request, "clocks/edit.html", {"form": form, "row": policy_setting, "title": policy_setting.name})
