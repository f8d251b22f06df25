"""Every view and API endpoint reaches area-owned (case) data only through its scoped queryset.

The test walks every URL pattern, finds the module of each view, and reads that module's source:
any `<CaseModel>.objects.<method>` other than `visible_to`/`administered_by` fails the build. A
case model is any model whose default manager's queryset is an AreaScopedQuerySet.
"""

import ast
import inspect
import sys

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

from safeguarding.core.scoping import AreaScopedQuerySet

SCOPED_METHODS = {"visible_to", "administered_by"}


def _case_model_names():
    names = set()
    for model in apps.get_models():
        queryset_class = type(model._default_manager.get_queryset())
        if issubclass(queryset_class, AreaScopedQuerySet):
            names.add(model.__name__)
    return names


def _view_functions(patterns=None):
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _view_functions(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            callback = pattern.callback
            # Class-based views and DRF viewsets keep their class on the callback.
            yield getattr(callback, "view_class", None) or getattr(callback, "cls", None) or callback


def _project_modules_of_views():
    modules = set()
    for view in _view_functions():
        module = sys.modules.get(getattr(view, "__module__", ""))
        if module and module.__name__.startswith("safeguarding."):
            modules.add(module)
    return modules


def _unscoped_uses(source, case_models):
    problems = []
    for node in ast.walk(ast.parse(source)):
        # Matches Model.objects.method: Attribute(value=Attribute(value=Name(Model), attr="objects"), attr=method)
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Attribute)
            and node.value.attr == "objects"
            and isinstance(node.value.value, ast.Name)
            and node.value.value.id in case_models
            and node.attr not in SCOPED_METHODS
        ):
            problems.append(f"line {node.lineno}: {node.value.value.id}.objects.{node.attr}")
    return problems


def test_case_models_are_declared_scoped():
    assert _case_model_names(), "no model uses AreaScopedQuerySet: the scoping rule would check nothing"


def test_views_reach_case_models_only_through_scoped_querysets():
    case_models = _case_model_names()
    modules = _project_modules_of_views()
    assert modules, "no project views found"
    failures = {}
    for module in modules:
        problems = _unscoped_uses(inspect.getsource(module), case_models)
        if problems:
            failures[module.__name__] = problems
    assert not failures, f"Views reaching case models without visible_to()/administered_by(): {failures}"


def test_the_check_itself_catches_an_unscoped_query():
    source = "def view(request):\n    return Incident.objects.filter(pk=1)\n"
    assert _unscoped_uses(source, {"Incident"}) == ["line 2: Incident.objects.filter"]
    assert _unscoped_uses("Incident.objects.visible_to(user).get(pk=1)", {"Incident"}) == []
