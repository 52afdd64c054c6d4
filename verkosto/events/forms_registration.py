"""The registration form and the form to change one's answers. They parse and validate; saving
goes through registration.py, which checks everything again."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from verkosto.directory.models import Organisation
from verkosto.networks import permissions as network_permissions

from .models import Event, Registration, RegistrationQuestion
from .registration import ANSWER_MAX_LENGTH, question_field_name

YES_NO_CHOICES = [("yes", _("yes")), ("no", _("no"))]


def question_field(question: RegistrationQuestion) -> forms.Field:
    """A form field for one of the organiser's questions, labelled with the question."""
    label = question.text
    if question.kind == RegistrationQuestion.Kind.CHOICE:
        return forms.ChoiceField(
            label=label,
            choices=[(choice, choice) for choice in question.choice_list],
            required=question.is_required,
            widget=forms.RadioSelect,
        )
    if question.kind == RegistrationQuestion.Kind.YES_NO:
        return forms.ChoiceField(
            label=label, choices=YES_NO_CHOICES, required=question.is_required, widget=forms.RadioSelect
        )
    return forms.CharField(
        label=label,
        required=question.is_required,
        max_length=ANSWER_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class QuestionsMixin:
    """Adds a field per question (`question_<id>`) and reads the answers back as {id: text}."""

    fields: dict[str, forms.Field]
    cleaned_data: dict[str, Any]

    def add_questions(
        self, questions: list[RegistrationQuestion], answers: dict[str, Any] | None = None
    ) -> None:
        self.questions = questions
        for question in questions:
            field = question_field(question)
            if answers and str(question.pk) in answers:
                field.initial = answers[str(question.pk)]
            self.fields[question_field_name(question)] = field

    @property
    def question_fields(self) -> list[forms.BoundField]:
        return [cast(forms.Form, self)[question_field_name(q)] for q in self.questions]

    def answers(self) -> dict[str, str]:
        return {
            str(q.pk): self.cleaned_data.get(question_field_name(q)) or ""
            for q in self.questions
            if self.cleaned_data.get(question_field_name(q))
        }


class OrganisationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Organisation) -> str:
        return str(obj.name)


class RegistrationForm(QuestionsMixin, forms.Form):
    """Name, e-mail and organisation (from the directory, or as free text), then the questions.
    A logged-in person finds theirs filled in from their account and organisation role."""

    name = forms.CharField(
        label=_("Name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("The confirmation and the link to cancel are sent here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisation = OrganisationChoiceField(
        label=_("Organisation in the directory"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("(not in the directory)"),
    )
    organisation_name = forms.CharField(
        label=_("Organisation, if it is not in the directory"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )

    def __init__(self, *args: Any, event: Event, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.event = event
        own = network_permissions.person_organisation_ids(user)
        organisation = cast(forms.ModelChoiceField, self.fields["organisation"])
        organisation.queryset = Organisation.objects.filter(Q(is_published=True) | Q(pk__in=own)).order_by(
            "name", "pk"
        )
        if getattr(user, "is_authenticated", False):
            # A logged-in person without an e-mail address on their account still finds the
            # registration under "my registrations".
            self.fields["email"].required = False
            self.fields["name"].initial = user.get_full_name() or user.get_username()
            self.fields["email"].initial = user.email
            if own:
                first = Organisation.objects.filter(pk__in=own).order_by("name", "pk").first()
                organisation.initial = first.pk if first else None
        self.add_questions(list(event.questions.all()))


class AnswersForm(QuestionsMixin, forms.Form):
    """Changing one's answers on the registration's own page."""

    def __init__(self, *args: Any, registration: Registration, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_questions(list(registration.event.questions.all()), registration.answers or {})
