"""The relevant agencies an area may add, the organisation kind each is, and the official code each carries.

Codes are checked by format only (the registers themselves are not consulted):
- DfE unique reference number (URN) of a school: 6 digits (Get Information about Schools).
- Companies House number of an academy trust: 8 digits, or 2 letters and 6 digits.
- ODS code of an NHS trust: 3 characters, R or T then 2 letters or digits (e.g. RTD); of a GP practice:
  a letter and 5 digits (e.g. A81001); of a hospice (independent sector healthcare provider): 3 to 5.
- Registered charity number (Charity Commission for England and Wales): 6 or 7 digits.
"""

import re
from dataclasses import dataclass

from safeguarding.organisations.models import OrganisationKind

from .models import AgencyType


@dataclass(frozen=True)
class CodeRule:
    name: str
    pattern: str
    example: str
    required: bool

    def check(self, code):
        return re.fullmatch(self.pattern, code) is not None


KIND_OF = {
    AgencyType.SCHOOL: OrganisationKind.SCHOOL,
    AgencyType.ACADEMY_TRUST: OrganisationKind.SCHOOL,
    AgencyType.NHS_TRUST: OrganisationKind.HEALTH,
    AgencyType.GP_PRACTICE: OrganisationKind.HEALTH,
    AgencyType.HOSPICE: OrganisationKind.VOLUNTARY,
    AgencyType.CHARITY: OrganisationKind.VOLUNTARY,
    AgencyType.PROBATION: OrganisationKind.PROBATION,
    AgencyType.YOUTH_JUSTICE: OrganisationKind.YOUTH_JUSTICE,
    AgencyType.OTHER: OrganisationKind.OTHER,
}

CODE_RULES = {
    AgencyType.SCHOOL: CodeRule("DfE unique reference number (URN)", r"\d{6}", "100000", True),
    AgencyType.ACADEMY_TRUST: CodeRule("Companies House number", r"(\d{8}|[A-Z]{2}\d{6})", "07318714", True),
    AgencyType.NHS_TRUST: CodeRule("ODS code", r"[RT][A-Z0-9]{2}", "RTD", True),
    AgencyType.GP_PRACTICE: CodeRule("ODS code", r"[A-Z]\d{5}", "A81001", True),
    AgencyType.HOSPICE: CodeRule("ODS code", r"[A-Z0-9]{3,5}", "NQX", False),
    AgencyType.CHARITY: CodeRule("registered charity number", r"\d{6,7}", "1089464", False),
}
