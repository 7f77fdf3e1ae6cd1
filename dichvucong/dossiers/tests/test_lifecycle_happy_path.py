from dichvucong.dossiers.constants import Status
from dichvucong.dossiers.events import verify
from dichvucong.dossiers.testing import make_dossier


def test_a_dossier_goes_from_submission_to_returned_result(cast):
    dossier = make_dossier(cast, Status.RETURNED)
    assert dossier.status == Status.RETURNED
    assert dossier.code.startswith("T.KM-")
    assert dossier.due_date is not None
    statuses = list(dossier.events.values_list("to_status", flat=True))
    assert [s for s in statuses if s] == [1, 2, 4, 9, 10]
    assert verify(dossier) == []
