from dichvucong.api.parsing import MAX_JSON_DEPTH, nesting_depth


def test_depth_counts_arrays_and_objects():
    assert nesting_depth(b'{"a": [1, {"b": []}]}') == 4
    assert nesting_depth(b"[]") == 1
    assert nesting_depth(b'"text"') == 0


def test_brackets_inside_strings_do_not_count():
    assert nesting_depth(b'{"a": "[[[[{{{{", "b": "\\"[["}') == 1


def test_the_limit_leaves_room_for_every_e_form():
    # A table of rows of fields: {"data": {"table": [{"cell": ...}]}} is 4.
    assert MAX_JSON_DEPTH >= 8
