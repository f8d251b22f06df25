from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from ..actions.database import record_database_informed
from .common import managed_case


@login_required
@require_POST
def database_informed(request, reference):
    case = managed_case(request, reference)
    try:
        record_database_informed(request.user, case)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Recorded: the national child mortality database has been informed.")
    return redirect("child_deaths:case", reference=case.reference)
