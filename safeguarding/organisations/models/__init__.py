from .areas import SafeguardingArea
from .geography import (
    ChildPopulation,
    IntegratedCareBoard,
    LocalAuthority,
    LocalAuthorityIcbShare,
    PoliceForceArea,
    Region,
)
from .invitations import Invitation
from .organisations import Organisation, OrganisationKind
from .people import Membership, Role, User

__all__ = [
    "ChildPopulation",
    "IntegratedCareBoard",
    "Invitation",
    "LocalAuthority",
    "LocalAuthorityIcbShare",
    "Membership",
    "Organisation",
    "OrganisationKind",
    "PoliceForceArea",
    "Region",
    "Role",
    "SafeguardingArea",
    "User",
]
