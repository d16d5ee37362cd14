from __future__ import annotations

from django import forms


class IsoDateInput(forms.DateInput):
    """A browser date picker: it takes only ISO dates, whatever the site's locale prints."""

    input_type = "date"

    def __init__(self, attrs=None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")
