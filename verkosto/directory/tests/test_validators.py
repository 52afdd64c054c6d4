from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from verkosto.directory.validators import business_id_check_digit, normalise_business_id, validate_business_id


@pytest.mark.parametrize("value", ["0737546-2", "1572860-0", "0201256-6", "737546-2"])
def test_valid_business_ids(value: str) -> None:
    validate_business_id(value)


@pytest.mark.parametrize("value", ["0737546-3", "1572860-1", "1234567", "ABCDEFG-1", "12345678-9", ""])
def test_invalid_business_ids(value: str) -> None:
    with pytest.raises(ValidationError):
        validate_business_id(value)


def test_check_digit_rules() -> None:
    assert business_id_check_digit("0737546") == 2
    assert normalise_business_id(" 737546-2 ") == "0737546-2"
