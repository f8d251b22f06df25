"""Administration of people, roles and invitations, under /people/."""

from django.urls import path

from .views import invitations, people

app_name = "organisations"

urlpatterns = [
    path("", people.people_list, name="people"),
    path("<int:pk>/", people.person_detail, name="person"),
    path("<int:pk>/roles/new/", people.grant_role, name="grant-role"),
    path("<int:pk>/roles/<int:membership_pk>/end/", people.end_membership, name="end-membership"),
    path("<int:pk>/two-factor/reset/", people.reset_two_factor, name="reset-two-factor"),
    path("invite/", invitations.invite, name="invite"),
    path("invitations/", invitations.invitation_list, name="invitations"),
    path("invitations/<int:pk>/revoke/", invitations.revoke_invitation, name="revoke-invitation"),
]
