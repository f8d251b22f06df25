"""A person's notifications (read and unread, newest first), their email preferences, and failed emails."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from safeguarding.core.forms import add_action_errors
from safeguarding.core.pagination import paginate, pagination_links

from . import actions
from .forms import PreferencesForm

PAGE_SIZE = 25


@login_required
def notification_list(request):
    show = request.GET.get("show", "all")
    notifications = request.user.notifications.all()
    if show == "unread":
        notifications = notifications.unread()
    page = paginate(request, notifications, PAGE_SIZE)
    return render(
        request,
        "notifications/list.html",
        {
            "page": page,
            "pagination": pagination_links(page, request.GET),
            "show": "unread" if show == "unread" else "all",
            "unread_count": request.user.notifications.all().unread().count(),
        },
    )


def _own(request, pk):
    return get_object_or_404(request.user.notifications.all(), pk=pk)


@login_required
def open_notification(request, pk):
    """Follows a notification's link, marking it read."""
    notification = _own(request, pk)
    actions.mark_read(request.user, notification)
    link = notification.link
    if not link or not url_has_allowed_host_and_scheme(link, allowed_hosts=None):
        return redirect("notifications:list")
    return redirect(link)


@login_required
@require_POST
def mark_read(request, pk):
    actions.mark_read(request.user, _own(request, pk))
    return redirect("notifications:list")


@login_required
@require_POST
def mark_all_read(request):
    count = actions.mark_all_read(request.user)
    messages.success(request, f"{count} notification{'s' if count != 1 else ''} marked as read")
    return redirect("notifications:list")


@login_required
def preferences(request):
    current = actions.preferences_of(request.user)
    form = PreferencesForm(request.POST if request.method == "POST" else None, current=current)
    if request.method == "POST" and form.is_valid():
        try:
            actions.set_preferences(request.user, form.cleaned_data)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, "Your email preferences are saved")
            return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})


def _may_manage_failed(request):
    if not request.user.has_perm("notifications.manage_failed_emails"):
        raise Http404


@login_required
def failed_emails(request):
    _may_manage_failed(request)
    emails = actions.failed_emails_for(request.user).select_related("area")
    page = paginate(request, emails, PAGE_SIZE)
    return render(
        request, "notifications/failed_emails.html", {"page": page, "pagination": pagination_links(page, request.GET)}
    )


@login_required
@require_POST
def retry_email(request, pk):
    _may_manage_failed(request)
    email = get_object_or_404(actions.emails_visible_to(request.user), pk=pk)
    try:
        actions.retry_email(request.user, email)
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"The email to {email.address} will be tried again")
    return redirect("notifications:failed-emails")
