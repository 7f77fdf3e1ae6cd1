from __future__ import annotations

from dichvucong.outreach.models import Guardian, Pupil
from dichvucong.outreach.tests.helpers import GOOD_ROW, import_rows

SIBLING = ["THCS Khương Đình", "8A1", "Lê Minh Châu", 2003, "Lê Văn Hùng", "0912345678"]


def test_importing_the_same_list_again_adds_nobody(oc):
    first = import_rows(oc.coordinator_a, [GOOD_ROW, SIBLING], school=oc.school_a)
    again = import_rows(oc.coordinator_a, [GOOD_ROW, SIBLING], school=oc.school_a)
    assert (first.created, first.updated) == (2, 0)
    assert (again.created, again.updated) == (0, 0)
    assert Pupil.objects.count() == 2
    # Siblings with the same parent share one guardian row.
    assert Guardian.objects.count() == 1


def test_a_changed_guardian_updates_the_pupil_and_drops_the_old_guardian(oc):
    import_rows(oc.coordinator_a, [GOOD_ROW], school=oc.school_a)
    pupil = Pupil.objects.get()
    changed = list(GOOD_ROW)
    changed[4], changed[5] = "Nguyễn Thị Hoa", "0987 654 321"
    job = import_rows(oc.coordinator_a, [changed], school=oc.school_a)
    assert (job.created, job.updated) == (0, 1)
    pupil.refresh_from_db()
    assert (pupil.guardian.full_name, pupil.guardian.phone) == ("Nguyễn Thị Hoa", "0987654321")
    assert Guardian.objects.count() == 1


def test_a_new_pupil_in_a_later_list_is_added_next_to_the_others(oc):
    import_rows(oc.coordinator_a, [GOOD_ROW], school=oc.school_a)
    job = import_rows(oc.coordinator_a, [GOOD_ROW, SIBLING], school=oc.school_a)
    assert (job.created, job.updated) == (1, 0)
    assert Pupil.objects.count() == 2
