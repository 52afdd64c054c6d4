from modeltranslation.translator import TranslationOptions, register

from .models import Event, ProgrammeItem, RegistrationQuestion


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = ("fi",)


@register(ProgrammeItem)
class ProgrammeItemTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = ("fi",)


@register(RegistrationQuestion)
class RegistrationQuestionTranslation(TranslationOptions):
    fields = ("text",)
    required_languages = ("fi",)
