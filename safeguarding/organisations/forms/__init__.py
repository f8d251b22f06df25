from .acceptance import AcceptInvitationForm, NewPasswordForm
from .people import PeopleFilterForm
from .roles import InviteForm, RoleForm

__all__ = ["AcceptInvitationForm", "InviteForm", "NewPasswordForm", "PeopleFilterForm", "RoleForm"]
