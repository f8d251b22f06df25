"""Making API tokens in tests without going through issue_token (which checks who may)."""

from safeguarding.organisations.factories import OrganisationFactory, UserFactory

from . import tokens
from .models import ApiToken, Scope


def make_token(*, areas, organisation=None, scopes=(Scope.AREAS_READ,), name="Case system", **fields):
    """A token for `organisation` (a new partner of `areas` when not given); returns (token, plaintext)."""
    if organisation is None:
        organisation = OrganisationFactory()
    for area in areas:
        area.partners.add(organisation)
    prefix = tokens.new_prefix()
    plaintext = tokens.new_plaintext(prefix)
    fields.setdefault("created_by", UserFactory())
    token = ApiToken.objects.create(
        organisation=organisation,
        name=name,
        prefix=prefix,
        secret_hash=tokens.hash_token(plaintext),
        scopes=list(scopes),
        **fields,
    )
    token.areas.set(areas)
    return token, plaintext
