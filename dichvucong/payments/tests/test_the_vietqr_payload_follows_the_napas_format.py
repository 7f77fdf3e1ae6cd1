"""The VietQR payload: EMVCo data objects as NAPAS lays them out for a
transfer to an account, and a CRC computed here from the definition of
CRC-16/CCITT-FALSE, independently of the module's own."""

from __future__ import annotations

import pytest

from dichvucong.payments import vietqr

# Published with github.com/subiz/vietqr (README): 120.000 đ to account
# 0011001932418 at VietinBank (BIN 970415), purpose "ung ho lu lut".
PUBLISHED = (
    "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA"
    "530370454061200005802VN62170813ung ho lu lut6304C15C"
)


def crc16_ccitt_false(data: bytes) -> int:
    """Polynomial 0x1021, initial value 0xFFFF, most significant bit first,
    no reflection, no final xor."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _bit in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else (crc << 1)
            crc &= 0xFFFF
    return crc


def tlv(text: str) -> list[tuple[str, int, str]]:
    """ID, declared length, value, read by hand."""
    out, i = [], 0
    while i < len(text):
        tag, length = text[i : i + 2], int(text[i + 2 : i + 4])
        out.append((tag, length, text[i + 4 : i + 4 + length]))
        i += 4 + length
    return out


def test_the_crc_definition_gives_the_standard_check_value():
    # The catalogue check value of CRC-16/CCITT-FALSE for "123456789".
    assert crc16_ccitt_false(b"123456789") == 0x29B1
    assert vietqr.crc16(b"123456789") == "29B1"


def test_the_published_example_is_rebuilt_to_the_character():
    built = vietqr.payload("970415", "0011001932418", 120_000, "ung ho lu lut")
    assert built == PUBLISHED


def test_a_fee_payload_has_every_field_in_order_with_its_length():
    built = vietqr.payload("970415", "113366668888", 1_234_567, "260316A1B2C3D4E5F6")
    fields = tlv(built)
    assert [tag for tag, _n, _v in fields] == ["00", "01", "38", "53", "54", "58", "62", "63"]
    for _tag, length, value in fields:
        assert length == len(value) and 1 <= length <= 99
    values = {tag: value for tag, _n, value in fields}
    assert values["00"] == "01"
    assert values["01"] == "12"  # dynamic: one amount, one payment
    assert values["53"] == "704" and values["58"] == "VN"
    assert values["54"] == "1234567"  # whole đồng, no separators
    merchant = {tag: value for tag, _n, value in tlv(values["38"])}
    assert merchant == {
        "00": "A000000727",
        "01": "00069704150112113366668888",  # giautm/emvqr-go's sample
        "02": "QRIBFTTA",
    }
    beneficiary = {tag: value for tag, _n, value in tlv(merchant["01"])}
    assert beneficiary == {"00": "970415", "01": "113366668888"}
    assert tlv(values["62"]) == [("08", 18, "260316A1B2C3D4E5F6")]


def test_the_crc_covers_everything_up_to_and_including_6304():
    built = vietqr.payload("970415", "113366668888", 24_000, "260316A1B2C3D4E5F6")
    assert built[-8:-4] == "6304"
    assert built[-4:] == f"{crc16_ccitt_false(built[:-4].encode()):04X}"
    assert vietqr.parse(built)["54"] == "24000"
    damaged = built.replace("24000", "25000")
    with pytest.raises(vietqr.VietQRError, match="CRC"):
        vietqr.parse(damaged)


def test_without_an_amount_the_code_is_static():
    fields = vietqr.parse(vietqr.payload("970436", "0011001234567"))
    assert fields["01"] == "11" and "54" not in fields and "62" not in fields


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("97041", "113366668888", 1000, "REF1"), "BIN"),
        (("97041A", "113366668888", 1000, "REF1"), "BIN"),
        (("970415", "1133-6666", 1000, "REF1"), "account"),
        (("970415", "1" * 20, 1000, "REF1"), "account"),
        (("970415", "113366668888", 0, "REF1"), "amount"),
        (("970415", "113366668888", -5, "REF1"), "amount"),
        (("970415", "113366668888", 10**13, "REF1"), "13 digits"),
        (("970415", "113366668888", 1000, "nộp phí"), "purpose"),
        (("970415", "113366668888", 1000, "A" * 26), "purpose"),
        (("970415", "113366668888", 1000, "REF-1"), "purpose"),
    ],
)
def test_a_value_the_format_cannot_carry_is_refused(arguments, message):
    with pytest.raises(vietqr.VietQRError, match=message):
        vietqr.payload(*arguments)


@pytest.mark.parametrize("reference", ["", "260316 A1B2", "260316-A1B2", "Hồ sơ", "A" * 26])
def test_a_payment_reference_is_letters_and_digits_only(reference):
    with pytest.raises(vietqr.VietQRError):
        vietqr.check_reference(reference)


def test_no_field_may_exceed_99_characters():
    with pytest.raises(vietqr.VietQRError, match="at most 99"):
        vietqr.data_object("62", "A" * 100)
