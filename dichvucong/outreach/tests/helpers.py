"""Small helpers shared by the outreach tests."""

from __future__ import annotations

from typing import Any

from django.contrib.messages import get_messages
from django.http import HttpResponse

from dichvucong.outreach import roster
from dichvucong.outreach.models import Campaign, RosterImport, School
from dichvucong.outreach.tests.rosters import to_csv, upload

GOOD_ROW = ["THCS Khương Đình", "8A1", "Lê Minh Anh", 2003, "Lê Văn Hùng", "0912345678"]


def import_file(
    user: Any,
    name: str,
    content: bytes,
    *,
    school: School | None = None,
    campaign: Campaign | None = None,
    school_year: str = "2016-2017",
    confirm: bool | None = None,
) -> RosterImport:
    """Start an import as the upload page does and check it at once; then
    confirm it as the coordinator would, by default when no line is bad
    (`confirm` True or False decides)."""
    job = roster.start_import(
        upload(name, content), by=user, school=school, campaign=campaign, school_year=school_year
    )
    roster.process_import(job.pk)
    job.refresh_from_db()
    if confirm is None:
        confirm = not job.errors
    if confirm and roster.confirm_import(job):
        roster.process_import(job.pk)
        job.refresh_from_db()
    return job


def import_rows(user: Any, rows: list[list[object]], **kwargs: Any) -> RosterImport:
    return import_file(user, "danh-sach.csv", to_csv(rows), **kwargs)


def problems(job: RosterImport) -> set[tuple[int, str]]:
    return {(error["row"], error["column"]) for error in job.errors}


def messages_of(response: HttpResponse) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]
