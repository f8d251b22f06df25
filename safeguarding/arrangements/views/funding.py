"""Funding: the partners' recorded contributions, the share calculator, and the national spread."""

from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguarding.core.forms import add_action_errors
from safeguarding.organisations.models import SafeguardingArea

from .. import funding
from ..actions.funding import change_contribution, record_contribution
from ..forms import CalculatorForm, ChangeContributionForm, ContributionForm
from ..models import FundingContribution, financial_year_label
from ..populations import area_children, children_of_areas, statutory_partners
from .common import area_for

# Children's Society review of 32 LSCBs' income, quoted in the Wood report (paragraph 81).
REPORTED_RANGE = ("0.81", "6.95")


def _year_rows(contributions, area):
    years = defaultdict(list)
    for row in contributions:
        years[row.year].append(row)
    result = []
    children_by_year = children_of_areas([area], list(years))  # every year's children read at once
    for year in sorted(years, reverse=True):
        rows = years[year]
        total = sum(row.total for row in rows)
        children = children_by_year[area.pk, year]
        result.append(
            {
                "year": year,
                "label": financial_year_label(year),
                "rows": rows,
                "money": sum(row.money for row in rows),
                "in_kind": sum(row.in_kind for row in rows),
                "total": total,
                "children": children,
                "per_child": funding.per_child(total, children),
            }
        )
    return result


@login_required
def contributions(request, slug):
    area = area_for(request, slug)
    rows = FundingContribution.objects.visible_to(request.user).filter(area=area).select_related("organisation")
    return render(
        request,
        "arrangements/funding/contributions.html",
        {"area": area, "years": _year_rows(rows, area), "may_edit": request.user.has_perm("arrangements.edit", area)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def add_contribution(request, slug):
    area = area_for(request, slug, "arrangements.edit")
    form = ContributionForm(request.POST if request.method == "POST" else None, area=area)
    if request.method == "POST" and form.is_valid():
        try:
            row = record_contribution(request.user, area, **form.cleaned_data)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, f"{row.organisation.name}'s contribution for {row.year_label} recorded.")
            return redirect("arrangements:funding", slug=area.slug)
    return render(request, "arrangements/funding/contribution_form.html", {"area": area, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def change(request, slug, pk):
    area = area_for(request, slug, "arrangements.edit")
    row = get_object_or_404(FundingContribution.objects.visible_to(request.user), area=area, pk=pk)
    initial = {"money": row.money, "in_kind": row.in_kind, "in_kind_description": row.in_kind_description}
    form = ChangeContributionForm(
        request.POST if request.method == "POST" else None, initial={**initial, "version": row.version}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            change_contribution(
                request.user,
                row,
                money=data["money"],
                in_kind=data["in_kind"],
                in_kind_description=data["in_kind_description"],
                expected_version=data["version"],
            )
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, f"{row.organisation.name}'s contribution for {row.year_label} changed.")
            return redirect("arrangements:funding", slug=area.slug)
    return render(request, "arrangements/funding/contribution_form.html", {"area": area, "form": form, "row": row})


@login_required
def calculator(request, slug):
    area = area_for(request, slug)
    submitted = "formula" in request.GET
    year = timezone.localdate().year
    if submitted and request.GET.get("year", "").isdigit():
        year = int(request.GET["year"])
    partners = statutory_partners(area, year)
    form = CalculatorForm(request.GET if submitted else None, partners=partners, initial={"year": year})
    shares = children = None
    if submitted and form.is_valid():
        data = form.cleaned_data
        children = area_children(area, data["year"])
        weights = {p.key: data.get(f"weight_{p.key}") for p in partners}
        try:
            shares = funding.propose(partners, data["formula"], data["total"], children=children, weights=weights)
        except ValidationError as error:
            add_action_errors(form, error)
    return render(
        request,
        "arrangements/funding/calculator.html",
        {"area": area, "form": form, "shares": shares, "children": children, "partners": partners},
    )


@login_required
def national_spread(request):
    if not request.user.has_perm("arrangements.view_national"):
        raise Http404
    years = sorted(
        set(FundingContribution.objects.visible_to(request.user).values_list("year", flat=True)), reverse=True
    )
    year = int(request.GET["year"]) if request.GET.get("year", "").isdigit() else (years[0] if years else None)
    rows = []
    if year is not None:
        totals = defaultdict(lambda: {"money": 0, "in_kind": 0})
        for row in FundingContribution.objects.visible_to(request.user).filter(year=year):
            totals[row.area_id]["money"] += row.money
            totals[row.area_id]["in_kind"] += row.in_kind
        areas = list(SafeguardingArea.objects.filter(pk__in=totals).order_by("name"))
        children_of = children_of_areas(areas, [year])  # every area's children read at once
        for area in areas:
            children = children_of[area.pk, year]
            money = totals[area.pk]["money"]
            total = money + totals[area.pk]["in_kind"]
            rows.append(
                {
                    "area": area,
                    "money": money,
                    "total": total,
                    "children": children,
                    "money_per_child": funding.per_child(money, children),
                    "per_child": funding.per_child(total, children),
                }
            )
    return render(
        request,
        "arrangements/funding/national.html",
        {
            "year": year,
            "year_label": financial_year_label(year) if year else "",
            "years": [(y, financial_year_label(y)) for y in years],
            "rows": rows,
            "money_spread": funding.spread([r["money_per_child"] for r in rows]),
            "total_spread": funding.spread([r["per_child"] for r in rows]),
            "reported_low": REPORTED_RANGE[0],
            "reported_high": REPORTED_RANGE[1],
        },
    )
