"""The public page on which any professional notifies a child's death, without an account; and the panel
manager's "not genuine" mark. The public pages use the minimal layout, with no navigation to the signed-in
service, and work without JavaScript."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from safeguarding.core.forms import add_action_errors
from safeguarding.core.throttling import client_ip_address

from ..actions import outside
from ..forms.notify import ConfirmCodeForm, NotGenuineForm, OutsideNotificationForm
from ..models import Notification, PendingOutsideNotification

PENDING_KEY = "outside_notification"  # {"id", "seal_id"} of the notification awaiting its code
RECEIPT_KEY = "outside_notification_receipt"
HONEYPOT_KEY = "outside_notification_honeypot"
MAX_BODY_BYTES = 64 * 1024
LIMITED = {
    "address": "Too many notifications have been sent from your network in the last hour. Try again later, or "
    "telephone the child death overview panel",
    "email": "Too many notifications have been sent from this email address in the last hour. Try again later, or "
    "telephone the child death overview panel",
}


def _too_large(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > MAX_BODY_BYTES
    except ValueError:
        return True


@never_cache
@require_http_methods(["GET", "POST"])
def notify(request):
    if request.method == "POST" and _too_large(request):
        return render(request, "child_deaths/outside/too_large.html", status=413)
    form = OutsideNotificationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data.get("website"):
            # A robot filled in the honeypot: it reads what a person would, and nothing is stored or sent.
            request.session[HONEYPOT_KEY] = True
            request.session.pop(PENDING_KEY, None)
            return redirect("notify_death:confirm")
        try:
            pending = outside.start(form.cleaned_data, client_address=client_ip_address(request))
        except outside.Limited as limited:
            form.add_error(None, LIMITED[str(limited)])
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            request.session.pop(HONEYPOT_KEY, None)
            request.session[PENDING_KEY] = {"id": pending.pk, "seal_id": pending.seal_id}
            return redirect("notify_death:confirm")
    return render(request, "child_deaths/outside/notify.html", {"form": form})


def _pending(request):
    held = request.session.get(PENDING_KEY) or {}
    return PendingOutsideNotification.objects.filter(
        pk=held.get("id"), seal_id=held.get("seal_id") or "-", accepted_at__isnull=True
    ).first()


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request):
    honeypot = request.session.get(HONEYPOT_KEY)
    pending = _pending(request)
    if pending is None and not honeypot:
        return redirect("notify_death:notify")
    form = ConfirmCodeForm(request.POST if request.method == "POST" else None)
    sent_again = False
    if request.method == "POST" and pending is not None:
        try:
            if request.POST.get("action") == "send":
                outside.resend_code(pending)
                sent_again = True
            elif form.is_valid():
                if not form.cleaned_data["code"]:
                    raise ValidationError({"code": "Enter the 6-digit code from the email"})
                result = outside.confirm(pending, form.cleaned_data["code"])
                request.session.pop(PENDING_KEY, None)
                request.session.cycle_key()
                request.session[RECEIPT_KEY] = result.receipt_for(False)  # neutral: never another case
                return redirect("notify_death:received")
        except ValidationError as error:
            add_action_errors(form, error)
    elif request.method == "POST" and form.is_valid():
        form.add_error("code", "The code is not right: check the latest email and enter its 6 digits")
    return render(request, "child_deaths/outside/confirm.html", {"form": form, "sent_again": sent_again})


@never_cache
def received(request):
    receipt = request.session.get(RECEIPT_KEY)
    if not receipt:
        return redirect("notify_death:notify")
    return render(request, "child_deaths/outside/received.html", {"receipt": receipt})


@login_required
@require_http_methods(["GET", "POST"])
def not_genuine(request, pk):
    notifications = Notification.objects.visible_to(request.user).select_related("case__area")
    notification = get_object_or_404(notifications, pk=pk, received_from_outside=True)
    case = notification.case
    if not request.user.has_perm("child_deaths.manage_case", case):
        raise Http404
    form = NotGenuineForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            outside.mark_not_genuine(request.user, notification, reason=form.cleaned_data["reason"])
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, "The notification is marked as not genuine. It is kept, and not counted.")
            return redirect("child_deaths:case", reference=case.reference)
    context = {
        "case": case,
        "form": form,
        "title": "Mark a notification as not genuine",
        "caption": case.reference,
        "button": "Mark as not genuine",
        "intro": f"The notification received from outside on {notification.received_at:%d %B %Y} is kept and "
        "audited, and left out of statistics. If no other notification of this death is genuine, the case "
        "is left out too.",
    }
    return render(request, "child_deaths/step_form.html", context)
