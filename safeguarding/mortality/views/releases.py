"""Building and publishing a statistical release: the national roles choose a year, a long job does the work."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding.core.forms import add_action_errors
from safeguarding.jobs.models import IN_PROGRESS, JobRun

from ..actions.releases import RELEASE_JOB, request_release, years_with_deaths
from ..models import Release, financial_year_label


class ReleaseForm(forms.Form):
    year = forms.TypedChoiceField(
        label="Financial year",
        coerce=int,
        choices=(),
        help_text="Years with deaths in the national table. Publishing a year again replaces its release.",
        error_messages={"required": "Choose the financial year to publish", "invalid_choice": "Choose a year listed"},
    )

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, financial_year_label(year)) for year in years]


@login_required
@require_http_methods(["GET", "POST"])
def release_list(request):
    if not request.user.has_perm("mortality.publish_release"):
        raise Http404
    form = ReleaseForm(request.POST or None, years=years_with_deaths())
    if request.method == "POST" and form.is_valid():
        try:
            run = request_release(request.user, form.cleaned_data["year"])
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(
                request, f"The release for {financial_year_label(form.cleaned_data['year'])} is being built"
            )
            return redirect("jobs:run", pk=run.pk)
    running = JobRun.objects.filter(job=RELEASE_JOB, status__in=IN_PROGRESS).select_related("requested_by")[:10]
    return render(
        request,
        "mortality/releases.html",
        {
            "form": form,
            "releases": Release.objects.select_related("published_by").defer("html", "pdf", "tables"),
            "running": running,
        },
    )
