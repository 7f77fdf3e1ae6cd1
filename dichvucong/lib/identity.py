"""Vietnamese identity numbers: personal ID number, mobile phone, tax code.

Framework-free. Each `clean_*` function returns the normalised value or
raises `InvalidIdentity` carrying a Vietnamese message and a short code.
The messages are msgids: callers with gettext (the Django form fields in
accounts/fields.py) translate them at display time.

Sources:
- Personal ID number (số định danh cá nhân, printed on the căn cước công
  dân): Decree 137/2015 art. 7 and Circular 59/2021/TT-BCA art. 7 and the
  annex of province codes. 12 digits: 3 province of birth registration,
  1 century and sex, 2 last digits of the birth year, 6 random. There is no
  check digit, so a typo inside the last six digits cannot be caught here.
- Mobile prefixes: the Ministry of Information and Communications' 2018
  conversion of 11-digit numbers to 10 digits, plus the later 055/052 ones.
- Tax code (mã số thuế): 10 digits; a dependent unit (branch) has 13, the
  parent's 10 then a 3-digit sequence 001-999, written with a dash.
"""

from __future__ import annotations

from datetime import date
from typing import Literal, NamedTuple


def gettext_noop(message: str) -> str:
    """Marks a msgid for extraction without translating it here: this module
    must not import Django, the caller translates."""
    return message


class InvalidIdentity(ValueError):
    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


# --- Personal ID number -----------------------------------------------------

# Circular 59/2021/TT-BCA annex: the 63 provinces as they were in 2021. The
# 2025 merger of provinces does not renumber IDs already issued.
PROVINCE_CODES: dict[str, str] = {
    "001": "Hà Nội",
    "002": "Hà Giang",
    "004": "Cao Bằng",
    "006": "Bắc Kạn",
    "008": "Tuyên Quang",
    "010": "Lào Cai",
    "011": "Điện Biên",
    "012": "Lai Châu",
    "014": "Sơn La",
    "015": "Yên Bái",
    "017": "Hòa Bình",
    "019": "Thái Nguyên",
    "020": "Lạng Sơn",
    "022": "Quảng Ninh",
    "024": "Bắc Giang",
    "025": "Phú Thọ",
    "026": "Vĩnh Phúc",
    "027": "Bắc Ninh",
    "030": "Hải Dương",
    "031": "Hải Phòng",
    "033": "Hưng Yên",
    "034": "Thái Bình",
    "035": "Hà Nam",
    "036": "Nam Định",
    "037": "Ninh Bình",
    "038": "Thanh Hóa",
    "040": "Nghệ An",
    "042": "Hà Tĩnh",
    "044": "Quảng Bình",
    "045": "Quảng Trị",
    "046": "Thừa Thiên Huế",
    "048": "Đà Nẵng",
    "049": "Quảng Nam",
    "051": "Quảng Ngãi",
    "052": "Bình Định",
    "054": "Phú Yên",
    "056": "Khánh Hòa",
    "058": "Ninh Thuận",
    "060": "Bình Thuận",
    "062": "Kon Tum",
    "064": "Gia Lai",
    "066": "Đắk Lắk",
    "067": "Đắk Nông",
    "068": "Lâm Đồng",
    "070": "Bình Phước",
    "072": "Tây Ninh",
    "074": "Bình Dương",
    "075": "Đồng Nai",
    "077": "Bà Rịa - Vũng Tàu",
    "079": "Hồ Chí Minh",
    "080": "Long An",
    "082": "Tiền Giang",
    "083": "Bến Tre",
    "084": "Trà Vinh",
    "086": "Vĩnh Long",
    "087": "Đồng Tháp",
    "089": "An Giang",
    "091": "Kiên Giang",
    "092": "Cần Thơ",
    "093": "Hậu Giang",
    "094": "Sóc Trăng",
    "095": "Bạc Liêu",
    "096": "Cà Mau",
}

ID_NOT_DIGITS = gettext_noop(
    "Số định danh cá nhân chỉ gồm chữ số: nhập 12 số in trên thẻ căn cước, ví dụ 001090012345."
)
ID_OLD_CARD = gettext_noop(
    "Đây là số chứng minh nhân dân cũ (9 số). Nhập số định danh cá nhân 12 số in "
    "trên thẻ căn cước, ví dụ 001090012345."
)
ID_LENGTH = gettext_noop("Số định danh cá nhân phải có đúng 12 chữ số. Ví dụ: 001090012345.")
ID_PROVINCE = gettext_noop(
    "Ba số đầu của số định danh cá nhân không phải mã tỉnh, thành phố nào. "
    "Nhập lại đúng 12 số in trên thẻ căn cước."
)
ID_FUTURE_YEAR = gettext_noop(
    "Năm sinh ghi trong số định danh cá nhân (số thứ 4 đến số thứ 6) chưa tới. "
    "Nhập lại đúng 12 số in trên thẻ căn cước."
)

Sex = Literal["male", "female"]


class IdNumberFacts(NamedTuple):
    province: str
    sex: Sex
    birth_year: int


def _compact(raw: str, separators: str) -> str:
    return "".join(ch for ch in raw.strip() if ch not in separators)


def _is_ascii_digits(text: str) -> bool:
    # str.isdigit() alone accepts "²" and Arabic-Indic digits.
    return text.isascii() and text.isdigit()


def clean_id_number(raw: str, today: date | None = None) -> str:
    """The 12-digit number, separators removed, or InvalidIdentity."""
    number = _compact(raw, " .-")
    if number and not _is_ascii_digits(number):
        raise InvalidIdentity(ID_NOT_DIGITS, "id_not_digits")
    if len(number) == 9:
        raise InvalidIdentity(ID_OLD_CARD, "id_old_card")
    if len(number) != 12:
        raise InvalidIdentity(ID_LENGTH, "id_length")
    if number[:3] not in PROVINCE_CODES:
        raise InvalidIdentity(ID_PROVINCE, "id_province")
    if _birth_year(number) > (today or date.today()).year:
        raise InvalidIdentity(ID_FUTURE_YEAR, "id_future_year")
    return number


def _birth_year(number: str) -> int:
    # Digit 4: 0/1 born 1900-1999, 2/3 2000-2099, ... 8/9 2300-2399;
    # even is male, odd is female.
    century = 1900 + (int(number[3]) // 2) * 100
    return century + int(number[4:6])


def describe_id_number(number: str) -> IdNumberFacts:
    """Province of birth registration, sex and birth year of a number that
    `clean_id_number` accepted."""
    sex: Sex = "male" if int(number[3]) % 2 == 0 else "female"
    return IdNumberFacts(PROVINCE_CODES[number[:3]], sex, _birth_year(number))


# --- Mobile phone -----------------------------------------------------------

# 095 is left out on purpose: it was S-Fone's prefix, S-Fone stopped service
# in 2012 and the prefix has not been given to a working network since.
MOBILE_PREFIXES: frozenset[str] = frozenset(
    [f"03{d}" for d in "23456789"]
    + ["052", "055", "056", "058", "059"]
    + ["070", "076", "077", "078", "079"]
    + [f"08{d}" for d in "123456789"]
    + ["090", "091", "092", "093", "094", "096", "097", "098", "099"]
)

PHONE_NOT_DIGITS = gettext_noop(
    "Số điện thoại chỉ gồm chữ số: nhập 10 số, ví dụ 0912345678 (có thể bắt đầu bằng +84)."
)
PHONE_LENGTH = gettext_noop(
    "Số điện thoại di động phải có 10 chữ số và bắt đầu bằng số 0, ví dụ 0912345678."
)
PHONE_PREFIX = gettext_noop(
    "Đầu số này không phải đầu số di động đang dùng ở Việt Nam. "
    "Nhập số di động 10 chữ số, ví dụ 0912345678."
)


def clean_mobile_phone(raw: str) -> str:
    """`0` + 9 digits, from 0xxxxxxxxx, +84xxxxxxxxx or 84xxxxxxxxx with any
    spaces, dots, dashes or brackets; or InvalidIdentity."""
    number = _compact(raw, " .-()")
    international = number.startswith("+")
    digits = number[1:] if international else number
    if digits and not _is_ascii_digits(digits):
        raise InvalidIdentity(PHONE_NOT_DIGITS, "phone_not_digits")
    if international or (digits.startswith("84") and len(digits) == 11):
        digits = _national_from_international(digits)
    if len(digits) != 10 or not digits.startswith("0"):
        raise InvalidIdentity(PHONE_LENGTH, "phone_length")
    if digits[:3] not in MOBILE_PREFIXES:
        raise InvalidIdentity(PHONE_PREFIX, "phone_prefix")
    return digits


def _national_from_international(digits: str) -> str:
    if not digits.startswith("84"):
        raise InvalidIdentity(PHONE_LENGTH, "phone_length")
    rest = digits[2:]
    # People often keep the trunk 0 after the country code: +84 0912 ...
    if len(rest) == 10 and rest.startswith("0"):
        rest = rest[1:]
    return "0" + rest


# --- Tax code ---------------------------------------------------------------

TAX_FORMAT = gettext_noop(
    "Mã số thuế gồm 10 chữ số, hoặc 13 chữ số với đơn vị phụ thuộc (viết dạng 0101234567-001)."
)
TAX_BRANCH = gettext_noop("Ba số cuối của mã số thuế đơn vị phụ thuộc phải từ 001 đến 999.")


def clean_tax_code(raw: str) -> str:
    """10 digits, or 13 written `10 digits-3 digits` (the dash is added when
    missing); or InvalidIdentity. The 10th digit is a check digit in
    practice, but it is not verified: the brief fixes the format only."""
    code = _compact(raw, " .")
    if len(code) == 14 and code[10] == "-":
        code = code[:10] + code[11:]
    if not _is_ascii_digits(code) or len(code) not in (10, 13):
        raise InvalidIdentity(TAX_FORMAT, "tax_format")
    if len(code) == 10:
        return code
    if code[10:] == "000":
        raise InvalidIdentity(TAX_BRANCH, "tax_branch")
    return f"{code[:10]}-{code[10:]}"
