from modeltranslation.translator import TranslationOptions, register

from .models import Network, PeerGroup


@register(Network)
class NetworkTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("fi",)


@register(PeerGroup)
class PeerGroupTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("fi",)
