from .acceptance import AcceptInvitationForm, InvitationCodeForm, NewPasswordForm
from .people import PeopleFilterForm
from .roles import InviteForm, RoleForm

__all__ = [
    "AcceptInvitationForm",
    "InvitationCodeForm",
    "InviteForm",
    "NewPasswordForm",
    "PeopleFilterForm",
    "RoleForm",
]
