from modeltranslation.translator import TranslationOptions, register

from .models import Municipality, Region


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name",)


@register(Municipality)
class MunicipalityTranslation(TranslationOptions):
    fields = ("name",)
