from django.urls import path

from .views import decision, inquiry, listing, propose, quality, running, setup

app_name = "nsci"

urlpatterns = [
    path("", listing.inquiry_list, name="list"),
    path("propose/", propose.propose, name="propose"),
    path("<int:pk>/", inquiry.inquiry_detail, name="inquiry"),
    path("<int:pk>/assess/", decision.assess, name="assess"),
    path("<int:pk>/set-up/", setup.set_up, name="set-up"),
    path("<int:pk>/progress/", running.progress, name="progress"),
    path("<int:pk>/report/", running.report, name="report"),
    path("<int:pk>/publish/", running.publish, name="publish"),
    path("<int:pk>/quality/", quality.assess_quality, name="quality"),
]
