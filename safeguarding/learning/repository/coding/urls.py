"""Coding findings against the common category scheme, with suggestions from the text."""

from django.urls import path

from . import views

app_name = "coding"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("findings/<int:pk>/", views.code, name="code-finding"),
    path("category-scheme/", views.category_scheme, name="category-scheme"),
]
