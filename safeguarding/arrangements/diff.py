"""Differences between two versions of an area's arrangements, section by section.

The Markdown source is compared word by word with difflib; insertions and deletions are marked
with <ins> and <del>, each with a visually hidden label so that screen reader users hear where a
change starts and ends (most screen readers do not announce the elements themselves).
"""

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe

_TOKENS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class SectionDiff:
    key: str
    title: str
    changed: bool
    html: str
    inserted_words: int
    deleted_words: int


def _text(text):
    """Escaped text with its line breaks kept (the page may not carry inline styles)."""
    return mark_safe(escape(text).replace("\n", "<br>\n"))  # noqa: S308 — escaped just here


def _marked(tag, label, text):
    return format_html(
        '<{tag}><span class="govuk-visually-hidden">{label} start. </span>{text}'
        '<span class="govuk-visually-hidden"> {label} end.</span></{tag}>',
        tag=mark_safe(tag),  # noqa: S308 — one of the two fixed tag names below
        label=label,
        text=_text(text),
    )


def diff_text(old, new):
    """(html, inserted words, deleted words) for the change from `old` to `new`."""
    before, after = _TOKENS.findall(old or ""), _TOKENS.findall(new or "")
    parts, inserted, deleted = [], 0, 0
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(_text("".join(before[a1:a2])))
            continue
        if op in {"delete", "replace"}:
            removed = "".join(before[a1:a2])
            deleted += sum(1 for token in before[a1:a2] if token.strip())
            parts.append(_marked("del", "Deletion", removed))
        if op in {"insert", "replace"}:
            added = "".join(after[b1:b2])
            inserted += sum(1 for token in after[b1:b2] if token.strip())
            parts.append(_marked("ins", "Insertion", added))
    return format_html_join("", "{}", ((part,) for part in parts)), inserted, deleted


def diff_versions(old_version, new_version):
    """A SectionDiff per section of either version, in the newer version's order."""
    old_sections = {s.key: s for s in old_version.sections.all()}
    new_sections = {s.key: s for s in new_version.sections.all()}
    keys = [s.key for s in new_version.sections.order_by("position")]
    keys += [key for key in old_sections if key not in new_sections]
    result = []
    for key in keys:
        old, new = old_sections.get(key), new_sections.get(key)
        html, inserted, deleted = diff_text(old.body if old else "", new.body if new else "")
        title = (new or old).title
        result.append(SectionDiff(key, title, bool(inserted or deleted), html, inserted, deleted))
    return result
