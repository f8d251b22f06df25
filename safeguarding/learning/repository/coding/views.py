"""The coding queue, the coding page of one finding, and the category scheme.

The queue and the coding page are for national analysts: anyone else signed in gets 404, as elsewhere.
The category scheme is public: local areas and reviewers code their own findings against the same scheme.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from safeguarding.core.forms import add_action_errors
from safeguarding.core.pagination import paginate, pagination_links

from ..models import EntryKind, RepositoryEntry, RepositoryFinding, Theme, ThemeGroup
from .actions import PERMISSION, code_finding
from .forms import CodingForm
from .metrics import suggestion_accuracy
from .suggest import PRE_TICK_THRESHOLD, STRATEGY_LABELS, suggest_for_many, suggest_themes

PAGE_SIZE = 25


def analysts_only(view):
    """Signed-in national analysts; everyone else signed in gets 404 (the queue's existence is no secret,
    but the answer is the same as for any page a person may not use)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise Http404
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            raise Http404 from None

    return wrapper


def _current_findings(user):
    entries = RepositoryEntry.objects.visible_to(user)
    return RepositoryFinding.objects.filter(entry__in=entries, edition=F("entry__edition")).select_related("entry")


def _theme_names():
    return {theme.slug: theme for theme in Theme.objects.filter(is_active=True).select_related("group")}


def _platform_accuracy(user):
    """Suggestions shown to coders on this platform against the codes they kept."""
    coded = _current_findings(user).filter(coded_at__isnull=False).exclude(suggestions_at_coding={})
    cases = [
        (finding.suggestions_at_coding, [code.theme.slug for code in finding.codes.all()])
        for finding in coded.prefetch_related("codes__theme")
    ]
    return suggestion_accuracy(cases, PRE_TICK_THRESHOLD) if cases else None


@analysts_only
def queue(request):
    findings = _current_findings(request.user).filter(coded_at__isnull=True).order_by("entry__published_on", "pk")
    kind = request.GET.get("kind", "")
    if kind in EntryKind.values:
        findings = findings.filter(entry__kind=kind)
    groups = list(ThemeGroup.objects.all())
    group = request.GET.get("group", "")
    themes = _theme_names()
    if group in {g.slug for g in groups}:
        # Uncoded findings have no theme yet: the filter is on the group of the best suggestion.
        candidates = list(findings)
        suggestions = suggest_for_many([f.text for f in candidates])
        findings = [
            f
            for f, s in zip(candidates, suggestions, strict=True)
            if s.items and themes[s.items[0].slug].group.slug == group
        ]
    page = paginate(request, findings, PAGE_SIZE)
    best = suggest_for_many([f.text for f in page.object_list])
    rows = [
        (finding, themes.get(s.items[0].slug) if s.items else None, s.items[0] if s.items else None)
        for finding, s in zip(page.object_list, best, strict=True)
    ]
    return render(
        request,
        "coding/queue.html",
        {
            "page": page,
            "rows": rows,
            "pagination": pagination_links(page, request.GET),
            "kinds": EntryKind.choices,
            "kind": kind,
            "groups": groups,
            "group": group,
            "filtered": bool(kind or group),
            "accuracy": _platform_accuracy(request.user),
            "strategy": STRATEGY_LABELS[best[0].strategy] if best else "",
        },
    )


def _grouped_themes(selected):
    """[(group, [(theme, checkbox id, ticked)])], numbering the boxes across groups so the error summary's
    link (#id_themes_0) reaches the first."""
    grouped, number = [], 0
    themes = Theme.objects.filter(is_active=True).select_related("group")
    for group in ThemeGroup.objects.prefetch_related(Prefetch("themes", queryset=themes)):
        boxes = []
        for theme in group.themes.all():
            boxes.append((theme, f"id_themes_{number}", theme.slug in selected))
            number += 1
        if boxes:
            grouped.append((group, boxes))
    return grouped


@analysts_only
def code(request, pk):
    finding = get_object_or_404(_current_findings(request.user), pk=pk)
    suggestions = suggest_themes(finding.text)
    themes = _theme_names()
    current = set(finding.codes.values_list("theme__slug", flat=True))
    choices = [(slug, theme.name) for slug, theme in themes.items()]
    if request.method == "POST":
        form = CodingForm(request.POST, theme_choices=choices)
        if form.is_valid():
            try:
                code_finding(
                    request.user,
                    finding,
                    form.cleaned_data["themes"],
                    form.cleaned_data["version"],
                    suggestions=suggestions.as_dict(),
                )
            except ValidationError as error:
                add_action_errors(form, error)
            else:
                messages.success(request, f"Finding {finding.position} of {finding.entry.reference} coded")
                return redirect("coding:queue")
        selected = set(request.POST.getlist("themes"))
    else:
        form = CodingForm(initial={"version": finding.version}, theme_choices=choices)
        selected = current or suggestions.pre_ticked()
    return render(
        request,
        "coding/code_finding.html",
        {
            "finding": finding,
            "entry": finding.entry,
            "form": form,
            "suggestions": [(themes[s.slug], s) for s in suggestions.items if s.slug in themes],
            "strategy": STRATEGY_LABELS[suggestions.strategy],
            "threshold": round(PRE_TICK_THRESHOLD * 100),
            "grouped": _grouped_themes(selected),
            "current": [themes[slug] for slug in current if slug in themes],
        },
    )


def category_scheme(request):
    themes = Theme.objects.filter(is_active=True)
    groups = ThemeGroup.objects.prefetch_related(Prefetch("themes", queryset=themes))
    return render(request, "coding/category_scheme.html", {"groups": groups})
