"""Comparing two versions of an area's arrangements (public versions for everyone; drafts too for
people who work in the area)."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from ..diff import diff_versions
from ..models import ArrangementsVersion
from .common import area_for


class CompareForm(forms.Form):
    older = forms.TypedChoiceField(label="Earlier version", coerce=int)
    newer = forms.TypedChoiceField(label="Later version", coerce=int)

    def __init__(self, data, *, numbers):
        super().__init__(data)
        choices = [(n, f"Version {n}") for n in numbers]
        for name in ("older", "newer"):
            self.fields[name].choices = choices
            self.fields[name].error_messages = {
                "required": f"Choose the {self.fields[name].label.lower()}",
                "invalid_choice": f"Choose the {self.fields[name].label.lower()} from the list",
            }

    def clean(self):
        data = super().clean()
        if data.get("older") is not None and data.get("older") == data.get("newer"):
            self.add_error("newer", "Choose a later version that is not the earlier version")
        return data


def compare_context(request, area, versions):
    """The form and, when it is valid, the differences; `versions` is what the reader may see."""
    by_number = {v.number: v for v in versions}
    numbers = sorted(by_number)
    data = request.GET if {"older", "newer"} & set(request.GET) else None
    if data is None and len(numbers) >= 2:
        data = {"older": numbers[-2], "newer": numbers[-1]}
    form = CompareForm(data, numbers=numbers)
    differences = older = newer = None
    if data is not None and form.is_valid():
        first, second = sorted([form.cleaned_data["older"], form.cleaned_data["newer"]])
        older, newer = by_number[first], by_number[second]
        differences = diff_versions(older, newer)
    return {"area": area, "form": form, "older": older, "newer": newer, "differences": differences, "numbers": numbers}


@login_required
def compare(request, slug):
    area = area_for(request, slug)
    versions = list(ArrangementsVersion.objects.visible_to(request.user).filter(area=area))
    context = compare_context(request, area, versions)
    return render(request, "arrangements/compare.html", {**context, "public": False})
