"""Where an assisted submission's confirmation may go (issue 12, point 5).

The applicant's confirmation is what makes a helped dossier count, so it
must reach a contact the applicant controls, never one the helper chose:

- a one-time code goes only to the phone (or e-mail) of the applicant's
  own account, and only once that account's phone has been confirmed by
  its holder (a code they typed back, accounts.phone_confirmation) or
  checked at the counter against the ID card (accounts.counter);
- an applicant without such an account confirms by logging in (after
  setting a password and confirming their own phone) or at the counter;
- a number the helper types for a new applicant is refused when it is a
  guardian's on a school roster, the helper's own, or already the phone of
  another account: otherwise a pupil could give six made-up applicants
  their own phone, take each account over by "Quên mật khẩu" and confirm
  for all of them.

Each refusal is a sentence the helper can read out to the applicant.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from dichvucong.accounts.constants import AssuranceLevel, assurance_rank
from dichvucong.accounts.models import CitizenProfile
from dichvucong.accounts.services import assurance_of, citizen_profile
from dichvucong.outreach.constants import ConfirmationChannel
from dichvucong.outreach.models import Guardian

GUARDIAN_PHONE = _(
    "Số điện thoại này là số của phụ huynh một học sinh trong danh sách của nhà trường, "
    "không dùng làm số của người nộp được. Hãy nhập số điện thoại của chính người nộp."
)
HELPER_PHONE = _(
    "Đây là số điện thoại (hoặc thư điện tử) của chính bạn. Mã xác nhận phải gửi tới người nộp, "
    "không phải của người khai giúp."
)
SHARED_PHONE = _(
    "Số điện thoại này đã là số của một tài khoản khác. Mỗi người nộp xác nhận bằng số "
    "điện thoại của mình: hãy nhập số của chính người nộp, hoặc mời người nộp tự đăng nhập."
)
NOT_CONFIRMED = _(
    "Người nộp chưa có tài khoản đã xác nhận số điện thoại, nên không gửi mã tới số bạn nhập "
    "được. Bản nháp vẫn được giữ. Người nộp tự xác nhận bằng một trong hai cách: đăng nhập "
    "(đặt mật khẩu ở “Quên mật khẩu”, xác nhận số điện thoại của mình) rồi bấm “Xác nhận và "
    "nộp”; hoặc mang thẻ căn cước đến Bộ phận Một cửa để cán bộ xác minh."
)
NO_CONTACT = _("Tài khoản của người nộp không có địa chỉ nhận mã theo cách này.")


def _digits(phone: str) -> str:
    return "".join(ch for ch in phone or "" if ch.isdigit())


def _helper_phones(helper: Any) -> set[str]:
    """The helper's own account phone, if their account has a profile."""
    profile = citizen_profile(helper) if getattr(helper, "pk", None) else None
    return {_digits(profile.phone)} if profile is not None and profile.phone else set()


def typed_phone_refusal(phone: str, helper: Any) -> str | None:
    """Why a phone the helper typed for a new applicant's account is
    refused; None when it may be stored (still unconfirmed: no code goes
    there until its holder confirms it)."""
    digits = _digits(phone)
    if not digits:
        return None
    if digits in _helper_phones(helper):
        return str(HELPER_PHONE)
    if Guardian.objects.filter(phone=digits).exists():
        return str(GUARDIAN_PHONE)
    if CitizenProfile.objects.filter(phone=digits).exists():
        return str(SHARED_PHONE)
    return None


def confirmed_contact(applicant: Any, channel: str) -> str:
    """The applicant's own phone or e-mail for `channel`, read from their
    account (never from what the helper typed on the dossier); "" if none."""
    if channel == ConfirmationChannel.SMS:
        profile = citizen_profile(applicant)
        return profile.phone if profile is not None else ""
    if channel == ConfirmationChannel.EMAIL:
        return str(applicant.email or "")
    return ""


def code_refusal(applicant: Any, helper: Any, channel: str) -> str | None:
    """Why no code may be sent to the applicant by `channel`; None when
    it may go to confirmed_contact(applicant, channel)."""
    rank = assurance_rank(assurance_of(applicant))
    if rank < assurance_rank(AssuranceLevel.PHONE_CONFIRMED):
        return str(NOT_CONFIRMED)
    destination = confirmed_contact(applicant, channel)
    if not destination:
        return str(NO_CONTACT)
    if channel == ConfirmationChannel.SMS and _digits(destination) in _helper_phones(helper):
        return str(HELPER_PHONE)
    helper_email = str(getattr(helper, "email", "") or "").casefold()
    if channel == ConfirmationChannel.EMAIL and helper_email == destination.casefold():
        return str(HELPER_PHONE)
    return None
