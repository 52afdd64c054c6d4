"""English as written in Finland: day before month and the 24-hour clock.

Django's English formats are American ("02/03/2026 11 a.m."), which a reader here takes for the
2nd of March. Only output formats change: forms keep Django's input formats (ISO first), so what
a form shows it also reads back.
"""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
