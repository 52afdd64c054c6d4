"""Validators for Finnish identifiers."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_BUSINESS_ID_RE = re.compile(r"^(\d{6,7})-(\d)$")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)


def business_id_check_digit(body: str) -> int | None:
    """Check digit of a Y-tunnus body (7 digits), or None where no valid digit exists."""
    total = sum(int(d) * w for d, w in zip(body, _WEIGHTS, strict=True))
    remainder = total % 11
    if remainder == 0:
        return 0
    if remainder == 1:
        return None  # such bodies are never issued
    return 11 - remainder


def normalise_business_id(value: str) -> str:
    """Old IDs have six digits before the dash; a leading zero makes them seven."""
    value = value.strip()
    match = _BUSINESS_ID_RE.match(value)
    if match and len(match.group(1)) == 6:
        return f"0{match.group(1)}-{match.group(2)}"
    return value


def validate_business_id(value: str) -> None:
    match = _BUSINESS_ID_RE.match(normalise_business_id(value))
    if not match:
        raise ValidationError(_("Enter a business ID in the form 1234567-8."), code="business_id_format")
    body, check = match.group(1).zfill(7), int(match.group(2))
    if business_id_check_digit(body) != check:
        raise ValidationError(
            _("The check digit of this business ID is wrong; please check the number."),
            code="business_id_check",
        )
