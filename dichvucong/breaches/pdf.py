"""The notice to the authority as a PDF (the same sections as the page)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dichvucong.breaches import services
from dichvucong.breaches.affected import affected
from dichvucong.breaches.constants import EventKind
from dichvucong.breaches.models import Incident
from dichvucong.outreach import pdf as text_pdf

TITLE = gettext_lazy("THÔNG BÁO VI PHẠM QUY ĐỊNH BẢO VỆ DỮ LIỆU CÁ NHÂN")
ADDRESSEE = gettext_lazy(
    "Kính gửi: Bộ Công an (Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao)"
)


@transaction.atomic
def authority_notice(actor: Any, incident: Incident) -> bytes:
    sections = services.authority_sections(incident, affected(incident))
    deadline = f"{timezone.localtime(incident.deadline):%d/%m/%Y %H:%M}"
    subtitle = f"{ADDRESSEE}\n{_('Hạn thông báo (72 giờ từ khi phát hiện)')}: {deadline}"
    body = text_pdf.document(str(TITLE), subtitle, sections)
    services.note(incident, actor, EventKind.AUTHORITY_NOTICE)
    return body
