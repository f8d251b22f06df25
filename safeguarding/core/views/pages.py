"""The service's own pages: start page, signed-in home, and the statements every service must have."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render


def start(request):
    return render(request, "core/start.html")


@login_required
def home(request):
    memberships = request.user.memberships.select_related("organisation", "area").order_by("role")
    return render(request, "core/home.html", {"memberships": memberships})


def accessibility(request):
    return render(request, "core/accessibility.html")


def privacy(request):
    return render(request, "core/privacy.html")
