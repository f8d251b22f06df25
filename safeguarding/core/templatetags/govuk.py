"""Template helpers that give Django form widgets their GOV.UK Design System classes."""

from django import forms, template

register = template.Library()

_INPUT_CLASSES = {
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.FileInput: "govuk-file-upload",
}


@register.simple_tag
def field_kind(field):
    """How the field is laid out: 'choices', 'checkbox', 'date' or 'input'."""
    widget = field.field.widget
    if isinstance(widget, (forms.RadioSelect, forms.CheckboxSelectMultiple)):
        return "choices"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.MultiWidget):
        return "date"
    if isinstance(widget, forms.HiddenInput):
        return "hidden"
    return "input"


def _described_by(field):
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-hint")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    return " ".join(ids)


@register.simple_tag
def govuk_widget(field, extra_classes=""):
    widget = field.field.widget
    base = next((css for kind, css in _INPUT_CLASSES.items() if isinstance(widget, kind)), "govuk-input")
    classes = [base]
    if field.errors:
        classes.append(f"{base}--error")
    if extra_classes:
        classes.append(extra_classes)
    existing = widget.attrs.get("class")
    if existing:
        classes.append(existing)
    attrs = {"class": " ".join(classes)}
    described_by = _described_by(field)
    if described_by:
        attrs["aria-describedby"] = described_by
    return field.as_widget(attrs=attrs)


@register.simple_tag
def described_by(field):
    return _described_by(field)


@register.simple_tag
def date_parts(field):
    """The day, month and year boxes of a GovukDateField, with their names, ids and values."""
    value = field.value()
    if not isinstance(value, (list, tuple)):
        value = field.field.widget.decompress(value)
    names = ("Day", "Month", "Year")
    widths = ("2", "2", "4")
    return [
        {
            "label": name,
            "name": f"{field.html_name}_{index}",
            "id": f"{field.auto_id}_{index}",
            "value": "" if value[index] is None else value[index],
            "width": width,
        }
        for index, (name, width) in enumerate(zip(names, widths, strict=True))
    ]


@register.filter
def error_anchor(field):
    """The id the error summary links to: the first box of a multi-part field."""
    kind = field_kind(field)
    if kind in {"date", "choices"}:
        return f"{field.auto_id}_0"
    return field.auto_id
