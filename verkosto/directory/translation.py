from modeltranslation.translator import TranslationOptions, register

from .models import ContactPerson, Language, Organisation, Service, TargetGroup, WayOfWorking


@register(TargetGroup)
class TargetGroupTranslation(TranslationOptions):
    fields = ("name",)


@register(WayOfWorking)
class WayOfWorkingTranslation(TranslationOptions):
    fields = ("name",)


@register(Language)
class LanguageTranslation(TranslationOptions):
    fields = ("name",)


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("fi",)


@register(Service)
class ServiceTranslation(TranslationOptions):
    fields = ("name", "description", "referral", "cost")
    required_languages = {"fi": ("name",)}


@register(ContactPerson)
class ContactPersonTranslation(TranslationOptions):
    fields = ("title",)
