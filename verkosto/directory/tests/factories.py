"""factory_boy factories for the directory."""

from __future__ import annotations

import factory

from verkosto.accounts.models import RoleAssignment, User
from verkosto.core.models import Municipality, Region
from verkosto.directory.models import ContactPerson, Organisation, Service


def municipality(name: str) -> Municipality:
    return Municipality.objects.get(name_fi=name)


def region(code: str) -> Region:
    return Region.objects.get(code=code)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", "secret-pass-123")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def user_with_role(
    role: str, *, region_code: str | None = None, organisation: Organisation | None = None
) -> User:
    user = UserFactory()
    RoleAssignment.objects.create(
        user=user,
        role=role,
        region=Region.objects.get(code=region_code) if region_code else None,
        organisation=organisation,
    )
    return user


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name_fi = factory.Sequence(lambda n: f"Organisaatio {n}")
    name = factory.SelfAttribute("name_fi")
    kind = Organisation.Kind.ASSOCIATION
    is_published = True

    @factory.post_generation
    def municipalities(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.municipalities.set(extracted)


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Testi Henkilö {n}")
    is_public = True


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    name_fi = factory.Sequence(lambda n: f"Palvelu {n}")
    name = factory.SelfAttribute("name_fi")
    is_published = True

    @factory.post_generation
    def municipalities(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.municipalities.set(extracted)

    @factory.post_generation
    def target_groups(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.target_groups.set(extracted)

    @factory.post_generation
    def ways_of_working(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.ways_of_working.set(extracted)
