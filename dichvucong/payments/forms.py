"""The bank statement upload."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from dichvucong.payments.statement import (
    EXTENSIONS,
    MAX_FILE_BYTES,
    StatementError,
    StatementLine,
    read_statement,
)


class StatementForm(forms.Form):
    statement = forms.FileField(
        label=_("Tệp sao kê (.xlsx hoặc .csv, tối đa 5 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(EXTENSIONS)}),
    )

    def clean_statement(self) -> list[StatementLine]:
        """The file's credit lines; a ValidationError saying why not."""
        upload = self.cleaned_data["statement"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(_("Tệp lớn hơn 5 MB."))
        try:
            return read_statement(upload.name, upload.read())
        except StatementError as error:
            raise forms.ValidationError(str(error)) from error
