"""factory_boy factories for organisations, areas and people, named after what they make."""

import factory
from django.contrib.auth import get_user_model

from .models import Membership, Organisation, OrganisationKind, Role, SafeguardingArea


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Faker("name", locale="en_GB")
    password = factory.PostGenerationMethodCall("set_password", "a-long-test-password")

    @factory.post_generation
    def _save_password(self, create, extracted, **kwargs):
        if create:
            self.save()


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    kind = OrganisationKind.LOCAL_AUTHORITY
    name = factory.Sequence(lambda n: f"Example Council {n}")
    code = factory.Sequence(lambda n: f"T{n:08d}")


class SafeguardingAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SafeguardingArea

    name = factory.Sequence(lambda n: f"Example Safeguarding Partnership {n}")
    slug = factory.Sequence(lambda n: f"example-{n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    area = factory.SubFactory(SafeguardingAreaFactory)
    role = Role.PRACTITIONER


def person_with_role(role, area=None, *, organisation=None, email=None):
    """A person holding `role` for `area` (or nationally when the role is national)."""
    from .models.people import NATIONAL_ROLES

    kwargs = {"role": role, "area": None if role in NATIONAL_ROLES else area}
    if organisation is not None:
        kwargs["organisation"] = organisation
    elif role in NATIONAL_ROLES:
        kwargs["organisation"] = OrganisationFactory(kind=OrganisationKind.NATIONAL_BODY, name="National body")
    if email is not None:
        kwargs["user"] = UserFactory(email=email)
    return MembershipFactory(**kwargs).user
