"""The header's "Go to a reference" box: a GET form, so it works without JavaScript."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from ..work import references
from ..work.forms import GoToForm


def not_found_message(text):
    """The one answer for a reference the person may not open and for one that does not exist."""
    return f"There is no case or child you can open with the reference {text}. Check it and try again."


@login_required
@require_safe
def go_to(request):
    if "reference" not in request.GET:
        return render(request, "core/go_to.html", {"form": GoToForm()})
    form = GoToForm(request.GET)
    if not form.is_valid():
        return render(request, "core/go_to.html", {"form": form})
    text = form.cleaned_data["reference"]
    url = references.go_to(request.user, text)
    if url is not None:
        return redirect(url)
    form.add_error("reference", not_found_message(references.normalise(text)))
    return render(request, "core/go_to.html", {"form": form}, status=404)
