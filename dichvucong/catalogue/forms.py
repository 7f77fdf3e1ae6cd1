from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from dichvucong.catalogue import services
from dichvucong.catalogue.constants import HandlingLevel, OnlineLevel

MAX_QUERY_LENGTH = 200


class ProcedureFilterForm(forms.Form):
    """The catalogue's search and filters, read from the query string.

    Every parameter is optional and a bad one is dropped rather than
    reported: these values come from links and bookmarks, and a stale link
    should still show a catalogue, not an error.
    """

    q = forms.CharField(label=_("Tìm thủ tục"), required=False)
    field = forms.ModelChoiceField(
        label=_("Lĩnh vực"),
        queryset=services.fields_in_use(),
        required=False,
        empty_label=_("Tất cả lĩnh vực"),
    )
    agency = forms.ChoiceField(label=_("Cơ quan thực hiện"), required=False)
    level = forms.ChoiceField(
        label=_("Cấp thực hiện"),
        required=False,
        choices=[("", _("Tất cả các cấp")), *HandlingLevel.choices],
    )
    online = forms.TypedChoiceField(
        label=_("Mức độ trực tuyến"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Tất cả mức độ")), *OnlineLevel.choices],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        agencies = [(str(agency.pk), agency.name) for agency in services.agencies_in_use()]
        self.fields["agency"].choices = [
            ("", _("Tất cả cơ quan")),
            (services.ANY_WARD_COMMITTEE, _("UBND phường")),
            *agencies,
        ]

    def clean_q(self) -> str:
        # Truncate rather than reject: a pasted paragraph still searches.
        return self.cleaned_data["q"][:MAX_QUERY_LENGTH]

    def clean_agency(self) -> int | str | None:
        value = self.cleaned_data["agency"]
        if not value:
            return None
        return value if value == services.ANY_WARD_COMMITTEE else int(value)

    def search_arguments(self) -> dict[str, Any]:
        """The valid parameters as arguments of services.search_procedures;
        the invalid ones are left out, so they do not filter."""
        self.is_valid()
        data = self.cleaned_data
        field = data.get("field")
        return {
            "query": data.get("q") or "",
            "field_id": field.pk if field is not None else None,
            "agency": data.get("agency"),
            "level": data.get("level") or None,
            "online_level": data.get("online"),
        }
