"""Class roster import: an XLSX or CSV file with the columns Trường, Lớp,
Họ và tên, Năm sinh, Họ tên phụ huynh, SĐT phụ huynh, and optionally
Phường and Tổ dân phố.

Headers are matched without regard to case or diacritics; other columns
are ignored. Classes are not created from the file: a class name that does
not exist is far more often a typo than a new class, so classes are added
first ("Thêm lớp"). An upload is checked first and every bad line shown
with its number; nothing is saved until the coordinator confirms, and
then the good lines are saved in one transaction.

reading: the file and its header; places: ward and group names; checking:
each line; saving: the transaction; jobs: upload, preview, confirm;
sample: the sample file; bulk: actions on a class's pupils."""

from dichvucong.outreach.roster.checking import (
    Checker,
    RosterRow,
    RowError,
    class_key,
    name_key,
    school_key,
)
from dichvucong.outreach.roster.jobs import (
    MAX_ROWS,
    SYSTEM_ERROR,
    allowed_schools,
    cancel_import,
    check_table,
    confirm_import,
    enqueue,
    import_table,
    process_import,
    start_import,
)
from dichvucong.outreach.roster.reading import (
    COLUMNS,
    EXTENSIONS,
    MAX_FILE_BYTES,
    OPTIONAL,
    RosterFileError,
    read_rows,
)
from dichvucong.outreach.roster.saving import Saved, save_rows

__all__ = [
    "COLUMNS",
    "EXTENSIONS",
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "OPTIONAL",
    "SYSTEM_ERROR",
    "Checker",
    "RosterFileError",
    "RosterRow",
    "RowError",
    "Saved",
    "allowed_schools",
    "cancel_import",
    "check_table",
    "class_key",
    "confirm_import",
    "enqueue",
    "import_table",
    "name_key",
    "process_import",
    "read_rows",
    "save_rows",
    "school_key",
    "start_import",
]
