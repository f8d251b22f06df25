"""People in bulk: invitations from a CSV file (checked row by row first), and deactivating a person.

The file's columns: email, name, organisation, role. The organisation is named by its official code or its
name, and must be a partner of the area; the role by its name as the service shows it ("Practitioner") or its
value ("practitioner"). A row whose person already has an open invitation to that role in the area, or holds
it, is skipped: sending the same file again invites nobody twice.
"""

import csv
import io
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction

from safeguarding.core import audit
from safeguarding.organisations.actions import checks, end_membership, invite_person, revoke_invitation
from safeguarding.organisations.models import Invitation, Membership, Role
from safeguarding.organisations.models.people import NATIONAL_ROLES

COLUMNS = ("email", "name", "organisation", "role")
MAX_ROWS = 2000


class Outcome:
    INVITE = "invite"
    INVITED = "already invited"
    HOLDS = "already holds the role"
    REFUSED = "refused"


@dataclass
class Row:
    line: int
    email: str
    name: str
    organisation_text: str
    role_text: str
    organisation: object = None
    role: str = ""
    outcome: str = Outcome.REFUSED
    problem: str = ""

    @property
    def will_invite(self):
        return self.outcome == Outcome.INVITE


def read_rows(text, columns=COLUMNS, max_rows=MAX_ROWS):
    """The file's rows as dicts keyed by its (lower-cased) header; a ValidationError naming what is wrong."""
    reader = csv.DictReader(io.StringIO(text or ""))
    header = [(name or "").strip().lower() for name in (reader.fieldnames or [])]
    missing = [name for name in columns if name not in header]
    if missing:
        raise ValidationError(
            {"file": f"The file's first row must name the columns {', '.join(columns)}: {', '.join(missing)} missing"}
        )
    reader.fieldnames = header
    rows = []
    for row in reader:
        if not any((value or "").strip() for value in row.values() if isinstance(value, str)):
            continue
        rows.append((reader.line_num, {key: (row.get(key) or "").strip() for key in header}))
        if len(rows) > max_rows:
            raise ValidationError({"file": f"The file has more than {max_rows} rows: split it into smaller files"})
    if not rows:
        raise ValidationError({"file": "The file has no rows below its header"})
    return rows


def _role_from(text):
    wanted = text.strip().lower()
    for value, label in Role.choices:
        if wanted in {value, label.lower()}:
            return value
    return None


def _organisation_from(area, text):
    partners = area.partners.filter(is_active=True)
    return partners.filter(code__iexact=text).first() or partners.filter(name__iexact=text).first()


def check_rows(admin, area, text):
    """What would happen to each row: invited, skipped (and why), or refused with its problem named."""
    if not admin.has_perm("organisations.manage_people", area):
        raise PermissionDenied(f"You cannot manage people in {area.name}")
    seen = set()
    results = []
    for line, values in read_rows(text):
        row = Row(line, checks.normalise_email(values["email"]), values["name"], values["organisation"], values["role"])
        results.append(row)
        problems = _problems(admin, area, row, seen)
        if problems:
            row.problem = "; ".join(problems)
            continue
        seen.add((row.email, row.role))
        if Membership.objects.filter(
            user__email__iexact=row.email, area=area, role=row.role, organisation=row.organisation
        ).exists():
            row.outcome = Outcome.HOLDS
        elif Invitation.objects.open().filter(email=row.email, area=area, role=row.role).exists():
            row.outcome = Outcome.INVITED
        else:
            try:
                checks.check_lead_chief_officer_free(row.organisation, area, row.role)
                checks.check_national_and_identity_roles_apart(row.email, row.role)
            except ValidationError as error:
                row.problem = "; ".join(error.messages)
            else:
                row.outcome = Outcome.INVITE
    return results


def _problems(admin, area, row, seen):
    problems = []
    try:
        validate_email(row.email)
    except ValidationError:
        problems.append(f"email: {row.email or 'empty'} is not an email address in the correct format")
    if not row.name:
        problems.append("name: enter the person's full name")
    elif len(row.name) > 200:
        problems.append("name: must be 200 characters or fewer")
    row.role = _role_from(row.role_text) or ""
    if not row.role:
        problems.append(f"role: {row.role_text or 'empty'} is not a role (for example Practitioner)")
    elif row.role in NATIONAL_ROLES:
        problems.append(f"role: {Role(row.role).label} is a national role, not given in an area's file")
    row.organisation = _organisation_from(area, row.organisation_text) if row.organisation_text else None
    if row.organisation is None:
        problems.append(f"organisation: {row.organisation_text or 'empty'} is not a partner of {area.name}")
    if not problems and (row.email, row.role) in seen:
        problems.append("email: the same person and role appear on an earlier row")
    return problems


def send_invitations(admin, area, text, *, accept_url_builder):
    """Checks the file again and, in one transaction, invites the people of every row that would be invited.
    Returns the rows, each with its outcome. Emails go once the transaction has committed."""
    with transaction.atomic():
        checks.lock_area(area)
        rows = check_rows(admin, area, text)
        sent = 0
        for row in rows:
            if not row.will_invite:
                continue
            invite_person(
                admin,
                email=row.email,
                full_name=row.name,
                organisation=row.organisation,
                area=area,
                role=row.role,
                accept_url_builder=accept_url_builder,
            )
            sent += 1
        audit.record(
            admin,
            "invitations.bulk_sent",
            area,
            {
                "rows": len(rows),
                "sent": sent,
                "skipped": sum(1 for row in rows if row.outcome in {Outcome.INVITED, Outcome.HOLDS}),
                "refused": sum(1 for row in rows if row.outcome == Outcome.REFUSED),
            },
            area=area,
        )
    return rows


def deactivate_person(admin, person):
    """Ends every role the person holds and withdraws their open invitations, then stops them signing in.
    Their name stays on everything they did. Only an administrator of all their roles may do it."""
    if person.pk == admin.pk:
        raise ValidationError("You cannot deactivate yourself. Ask another administrator")
    checks.check_may_manage_person(admin, person)
    memberships = list(Membership.objects.filter(user=person).select_related("area", "organisation"))
    for membership in memberships:
        try:
            checks.check_may_manage_role(admin, membership.area, membership.role)
        except PermissionDenied:
            where = membership.area.name if membership.area_id else "England"
            raise ValidationError(
                f"{person.full_name} also holds a role in {where}, which you do not administer: "
                "ask a national administrator to deactivate them"
            ) from None
    with transaction.atomic():
        for membership in memberships:
            end_membership(admin, membership)
        open_invitations = Invitation.objects.administered_by(admin).open().filter(email__iexact=person.email)
        withdrawn = 0
        for invitation in open_invitations:
            revoke_invitation(admin, invitation)
            withdrawn += 1
        person.is_active = False
        person.save(update_fields=["is_active"])
        audit.record(
            admin,
            "person.deactivated",
            person,
            {"roles_ended": len(memberships), "invitations_withdrawn": withdrawn},
            area=next((membership.area for membership in memberships if membership.area_id), None),
        )
    return len(memberships)
