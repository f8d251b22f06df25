"""Pages where administrators list, issue and revoke their organisations' API tokens."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_http_methods

from safeguarding.core import permissions
from safeguarding.core.pagination import paginate, pagination_links
from safeguarding.organisations.models import Organisation, Role, SafeguardingArea

from . import actions
from .forms import IssueTokenForm
from .models import ApiToken

TOKENS_PER_PAGE = 25
# The action names the date it was given; the form calls its field by what the person types.
_FORM_FIELD_FOR = {"expires_at": "expires_on"}


def _require_token_administrator(user):
    # 404 like every other administration page, so the pages' existence says nothing to others.
    if not user.has_perm(actions.MANAGE_PERMISSION):
        raise Http404


def areas_administered_by(user):
    if permissions.is_national_administrator(user):
        return SafeguardingArea.objects.all()
    return SafeguardingArea.objects.filter(pk__in=permissions.area_ids_with_role(user, {Role.AREA_ADMINISTRATOR}))


def _tokens_for(user):
    return (
        ApiToken.objects.administered_by(user)
        .select_related("organisation")
        .prefetch_related(Prefetch("areas", queryset=SafeguardingArea.objects.order_by("name")))
    )


@login_required
def token_list(request):
    _require_token_administrator(request.user)
    page = paginate(request, _tokens_for(request.user), TOKENS_PER_PAGE)
    return render(
        request,
        "api/token_list.html",
        {"page": page, "tokens": page.object_list, "pagination": pagination_links(page, request.GET)},
    )


def _form_for(user, data=None):
    areas = areas_administered_by(user).order_by("name")
    organisations = Organisation.objects.filter(is_active=True, safeguarding_areas__in=areas).distinct()
    return IssueTokenForm(data, organisations=organisations.order_by("name"), areas=areas)


@login_required
@require_http_methods(["GET", "POST"])
def issue(request):
    _require_token_administrator(request.user)
    form = _form_for(request.user, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            token, plaintext = actions.issue_token(
                request.user,
                data["organisation"],
                data["name"],
                data["areas"],
                data["scopes"],
                expires_at=form.expires_at(),
            )
        except ValidationError as error:
            errors = error.error_dict if hasattr(error, "error_dict") else {None: error.error_list}
            for field, field_errors in errors.items():
                form.add_error(_FORM_FIELD_FOR.get(field, field), field_errors)
        else:
            return _show_once(request, token, plaintext)
    return render(request, "api/token_issue.html", {"form": form})


def _show_once(request, token, plaintext):
    """The token's only showing: rendered straight from the POST, never kept in the session or a cache."""
    response = render(request, "api/token_issued.html", {"token": token, "plaintext": plaintext})
    add_never_cache_headers(response)  # includes no-store
    response["Pragma"] = "no-cache"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def revoke(request, pk):
    _require_token_administrator(request.user)
    token = get_object_or_404(_tokens_for(request.user), pk=pk)
    if not actions.can_revoke(request.user, token):
        raise Http404
    if request.method == "POST":
        try:
            actions.revoke_token(request.user, token)
        except ValidationError as error:
            messages.info(request, error.messages[0])
        else:
            messages.success(request, f"The API token {token.name} ({token.prefix}) has been revoked")
        return redirect("api_tokens:list")
    return render(request, "api/token_revoke.html", {"token": token})
