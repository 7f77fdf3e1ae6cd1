"""No false alarm on our own PDFs: a citizen who uploads a slip, a receipt
or the result the system issued (written by fpdf2) gets it stored. Each
is checked by the same rule as any upload (lib/filecheck.py)."""

from __future__ import annotations

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from dichvucong.dossiers import lifecycle, submission
from dichvucong.dossiers.slips.service import available_slips, render_slip
from dichvucong.payments.receipts import receipt_pdf
from dichvucong.payments.services import record_counter_payment
from dichvucong.payments.tests.helpers import MONDAY_MORNING, awaiting_payment


def test_slips_receipt_and_result_pass_the_upload_check(cast) -> None:
    with time_machine.travel(MONDAY_MORNING, tick=False):
        dossier = awaiting_payment(cast)
        payment = record_counter_payment(dossier, cast.receptionist_a)
        lifecycle.assign(dossier, cast.leader_a, cast.specialist_a)
        lifecycle.forward(dossier, cast.specialist_a, "Đủ điều kiện")
        dossier = lifecycle.approve(dossier, cast.leader_a)
    pdfs = {
        f"phieu-{number}.pdf": render_slip(dossier, number) for number in available_slips(dossier)
    }
    pdfs["bien-lai.pdf"] = receipt_pdf(payment)
    with dossier.result.file.open("rb") as handle:
        pdfs["ket-qua.pdf"] = handle.read()
    assert len(pdfs) >= 4

    draft = submission.start_draft(cast.applicant, cast.procedure, ward=cast.ward_a)
    files = [
        (None, SimpleUploadedFile(name, data or b"", content_type="application/pdf"))
        for name, data in pdfs.items()
    ]
    assert submission.add_files(draft, cast.applicant, files) == {}
    assert set(draft.attachments.values_list("original_name", flat=True)) == set(pdfs)
