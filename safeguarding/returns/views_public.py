"""The public pages an agency contact opens by secure link: no account, no navigation to the signed-in service.

The email's link is `/return/#<token>`: the token travels after `#`, which browsers never send, so no
server, proxy or access log sees it. The landing page takes it in a form (a small script fills it in;
without JavaScript the contact pastes it) and POSTs it. The session then holds the token's hash; a code
sent to the contact's address turns that into a grant for this one return, bound to the session and to
the link (resending or cancelling the link ends it at once).
"""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from safeguarding.core.forms import add_action_errors

from . import actions
from .forms import AnswersForm, CodeForm, FileForm, LinkForm
from .models import ReturnKind, ReturnState

LINK_KEY = "return_link"  # the hash of the link's token: never the token itself
GRANT_KEY = "return_grant"  # {"id", "token_hash"} once the code was accepted


def _unusable(request, error):
    status = 404 if error.reason == "unknown" else 410
    return render(request, "returns/public/unusable.html", {"message": str(error)}, status=status)


def _linked(request):
    """The request whose link this session opened, if it is still usable (a submitted one included)."""
    request_row = actions.find_by_hash(request.session.get(LINK_KEY))
    return actions.check_usable(request_row, allow_submitted=True)


def _granted(request):
    """The request this session proved the code for: the same request, through the same, current link."""
    grant = request.session.get(GRANT_KEY) or {}
    request_row = actions.find_by_hash(grant.get("token_hash"))
    if request_row is None or request_row.pk != grant.get("id"):
        return None
    return request_row


def masked(address):
    name, _, domain = address.partition("@")
    return f"{name[:1]}{'•' * max(len(name) - 1, 2)}@{domain}"


@never_cache
@require_http_methods(["GET", "POST"])
def start(request):
    form = LinkForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            row = actions.open_link(form.cleaned_data["token"])
        except actions.Unusable as error:
            if error.reason != "unknown":
                return _unusable(request, error)
            form.add_error("token", str(error))
        else:
            grant = request.session.get(GRANT_KEY) or {}
            if grant.get("id") != row.pk or grant.get("token_hash") != row.token_hash:
                request.session.pop(GRANT_KEY, None)
            request.session[LINK_KEY] = row.token_hash
            if row.state == ReturnState.SUBMITTED:
                return redirect("return:receipt")
            return redirect("return:form" if request.session.get(GRANT_KEY) else "return:code")
    return render(request, "returns/public/start.html", {"form": form})


@never_cache
@require_http_methods(["GET", "POST"])
def code(request):
    if not request.session.get(LINK_KEY):
        return redirect("return:start")
    try:
        row = _linked(request)
    except actions.Unusable as error:
        request.session.pop(LINK_KEY, None)
        return _unusable(request, error)
    if row.state == ReturnState.SUBMITTED:
        return redirect("return:receipt")
    form = CodeForm(request.POST if request.method == "POST" else None)
    sent = False
    if request.method == "POST":
        try:
            if request.POST.get("action") == "send":
                actions.send_code(row)
                sent = True
            elif form.is_valid():
                if not form.cleaned_data["code"]:
                    raise ValidationError({"code": "Enter the 6-digit code from the email"})
                actions.check_code(row, form.cleaned_data["code"])
                request.session.cycle_key()
                request.session[GRANT_KEY] = {"id": row.pk, "token_hash": row.token_hash}
                return redirect("return:form")
        except actions.Unusable as error:
            return _unusable(request, error)
        except ValidationError as error:
            add_action_errors(form, error)
    context = {"form": form, "sent": sent, "address": masked(row.contact_email), "reference": row.reference}
    return render(request, "returns/public/code.html", context)


def _child_facts(row):
    """Only what the form needs: the pseudonym, and the age band (reporting form) or age (summary)."""
    if row.kind in {ReturnKind.AGENCY_REPORT, ReturnKind.MORE_INFORMATION}:
        case = row.target.case
        return [("Child's pseudonym", case.child.pseudonym), ("Age band", case.get_age_band_display())]
    incident = row.summary_request.incident
    facts = []
    if incident.child_id:
        facts.append(("Child's pseudonym", incident.child.pseudonym))
    if incident.child_age_years is not None:
        facts.append(("Child's age", f"{incident.child_age_years} years"))
    return facts


@never_cache
@require_http_methods(["GET", "POST"])
def form(request):
    row = _granted(request)
    if row is None:
        return redirect("return:code" if request.session.get(LINK_KEY) else "return:start")
    try:
        actions.check_usable(row, allow_submitted=True)
    except actions.Unusable as error:
        request.session.pop(GRANT_KEY, None)
        return _unusable(request, error)
    if row.state == ReturnState.SUBMITTED:
        return redirect("return:receipt")
    questions = actions.questions(row)
    answers_form = AnswersForm(
        request.POST if request.method == "POST" and "version" in request.POST else None,
        questions=questions,
        initial={"version": row.version, **row.draft},
    )
    file_form = FileForm(
        request.POST if request.method == "POST" and "version" not in request.POST else None,
        request.FILES if request.method == "POST" and "version" not in request.POST else None,
    )
    saved = False
    if request.method == "POST":
        try:
            if "version" in request.POST and answers_form.is_valid():
                data, version = answers_form.cleaned_data, answers_form.cleaned_data["version"]
                if request.POST.get("action") == "submit":
                    actions.submit(row, data, version=version)
                    return redirect("return:receipt")
                row = actions.save_draft(row, data, version=version)
                answers_form = AnswersForm(questions=questions, initial={"version": row.version, **row.draft})
                saved = True
            elif "version" not in request.POST and file_form.is_valid():
                stored = actions.attach_file(row, file_form.cleaned_data["file"])
                file_form = FileForm()
                saved = f"{stored.original_name} attached."
        except actions.Unusable as error:
            request.session.pop(GRANT_KEY, None)
            return _unusable(request, error)
        except ValidationError as error:
            add_action_errors(answers_form if "version" in request.POST else file_form, error)
    context = {
        "row": row,
        "facts": _child_facts(row),
        "form": answers_form,
        "file_form": file_form,
        "files": list(row.files.all()),
        "saved": saved,
    }
    return render(request, "returns/public/form.html", context)


@never_cache
def receipt(request):
    try:
        row = _linked(request) if request.session.get(LINK_KEY) else _granted(request)
    except actions.Unusable as error:
        return _unusable(request, error)
    if row is None:
        return redirect("return:start")
    if row.state != ReturnState.SUBMITTED:
        return redirect("return:form")
    return render(request, "returns/public/receipt.html", {"row": row})
