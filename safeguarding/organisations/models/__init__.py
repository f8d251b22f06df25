from .areas import SafeguardingArea
from .geography import (
    ChildPopulation,
    IntegratedCareBoard,
    LocalAuthority,
    LocalAuthorityIcbShare,
    PoliceForceArea,
    Region,
)
from .organisations import Organisation, OrganisationKind
from .people import Membership, Role, User

__all__ = [
    "ChildPopulation",
    "IntegratedCareBoard",
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
