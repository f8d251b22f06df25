"""Adding a relevant agency, and finding any organisation by name or code (a page, and JSON for type-ahead)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode

from safeguarding.core.forms import add_action_errors
from safeguarding.organisations.forms.choices import areas_for

from ..actions import organisations as actions
from ..forms import OrganisationForm, OrganisationSearchForm
from .common import require_perm


@login_required
def organisation_search(request):
    """A plain GET form: works without JavaScript, and its address can be bookmarked."""
    form = OrganisationSearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    return render(
        request,
        "onboarding/organisation_search.html",
        {
            "form": form,
            "query": query,
            "results": actions.search(query),
            "may_add": request.user.has_perm("onboarding.add_organisation"),
        },
    )


@login_required
def organisation_search_json(request):
    """The same search for a type-ahead box: names, kinds and codes only."""
    results = actions.search(request.GET.get("q", "")[:200], limit=10)
    return JsonResponse(
        {"results": [{"id": o.pk, "name": o.name, "kind": o.get_kind_display(), "code": o.code} for o in results]}
    )


@login_required
def new_organisation(request):
    require_perm(request, "onboarding.add_organisation")
    form = OrganisationForm(request.POST if request.method == "POST" else None, areas=areas_for(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            organisation = actions.add_organisation(
                request.user, agency_type=data["agency_type"], name=data["name"], code=data["code"], areas=data["areas"]
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, f"{organisation.name} has been added")
            return redirect(
                f"{reverse('onboarding:organisations')}?{urlencode({'q': organisation.code or organisation.name})}"
            )
    return render(
        request,
        "onboarding/organisation_form.html",
        {"form": form},
    )
