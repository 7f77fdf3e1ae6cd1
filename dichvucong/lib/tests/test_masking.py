from dichvucong.lib.masking import mask_account_name, mask_typed_name


def test_an_id_number_or_tax_code_keeps_only_its_last_three_digits():
    assert mask_account_name("001090012345") == "***345"
    assert mask_account_name("0101234567-001") == "***001"
    assert mask_account_name("0101234567") == "***567"


def test_a_staff_name_or_pseudonym_is_kept():
    assert mask_account_name("tiepnhan.khuongmai") == "tiepnhan.khuongmai"
    assert mask_account_name("hs.3.45") == "hs.3.45"
    assert mask_account_name("api-ab12cd34") == "api-ab12cd34"


def test_a_typed_name_keeps_two_characters_or_three_digits():
    assert mask_typed_name("matkhau-bi-go-nham") == "ma***"
    assert mask_typed_name(" 0010 9001 2345 ") == "***345"
    assert mask_typed_name("") == ""


def test_a_short_number_is_not_taken_for_an_id_number():
    # "12345" could be a password as well as anything; masked as text.
    assert mask_typed_name("12345") == "12***"
