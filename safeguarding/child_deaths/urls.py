from django.urls import path

from .views import cases, database, linkage, notify

app_name = "child_deaths"

urlpatterns = [
    path("", cases.case_list, name="cases"),
    path("notify/", notify.notify, name="notify"),
    path("notify/received/", notify.notified, name="notified"),
    path("links/<int:pk>/", linkage.decide_link, name="decide-link"),
    path("links/<int:pk>/undo/", linkage.undo, name="undo-link"),
    path("<str:reference>/", cases.case_detail, name="case"),
    path("<str:reference>/database-informed/", database.database_informed, name="database-informed"),
]
