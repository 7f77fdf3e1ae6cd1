"""Every concrete field of every model in the project's apps, classified:
personal (and for which purpose) or not. A test walks the models and fails
on any field that is in neither list, so a new field must be classified
here before it can be merged; and on any entry naming a field that is gone.

The rule. A field is personal when, on its own, it
- identifies a natural person or helps to (name, ID number, date or year of
  birth, username, a link to a national e-ID, a pupil code);
- reaches them (phone, e-mail, postal address, ward or residential group of
  a home);
- points at a person (a foreign key to a user, pupil, guardian or
  ambassador);
- holds what a person wrote or what is written about them (an e-form's
  answers, uploaded files and their names, free-text reasons, notes,
  comments, message bodies, payloads sent elsewhere), or their consent;
- is a secret or a trace tied to them (password, code and token hashes,
  network address, path visited).
Not personal on its own: keys, statuses, counters, dates and times,
amounts, choices, and links to rows (a dossier, an agency) whose own
personal fields are classified where they are. Organisations' own data
(name, tax code, address) is not personal; their representative is.
"""

from __future__ import annotations

# model label -> {field name -> purpose key (registry/purposes.py)}
PERSONAL: dict[str, dict[str, str]] = {
    "audit.AuditEntry": {
        "actor": "security",
        "actor_label": "security",
        "address": "security",
        "path": "security",
        "detail": "security",
    },
    "accounts.User": {
        "password": "account",
        "username": "account",
        "first_name": "account",
        "last_name": "account",
        "email": "account",
        "full_name": "account",
    },
    "accounts.CitizenProfile": {
        "user": "account",
        "id_number": "account",
        "date_of_birth": "account",
        "phone": "account",
        "address": "account",
        "ward": "account",
        "residential_group": "account",
    },
    "accounts.OrganisationProfile": {
        "user": "account",
        "representative": "account",
        "phone": "account",
    },
    "accounts.StaffRole": {"user": "staff"},
    "accounts.PasswordRecovery": {"token": "security", "user": "security", "code_hash": "security"},
    "accounts.NationalEidLink": {"user": "account", "subject": "account"},
    "outreach.Campaign": {"approved_by": "staff"},
    "outreach.MaterialVersion": {"uploaded_by": "staff"},
    "outreach.YearEndReport": {
        "submitted_by": "staff",
        "approved_by": "staff",
        "snapshot": "campaign",
    },
    "outreach.Ambassador": {
        "user": "campaign",
        "pupil": "campaign",
        "volunteer_name": "campaign",
        "residential_group": "campaign",
    },
    "outreach.PracticeAttempt": {"pupil": "campaign"},
    "outreach.AssistedSubmission": {
        "ambassador": "assisted",
        "household_key": "assisted",
        "code_hash": "assisted",
    },
    "outreach.Guardian": {"full_name": "campaign", "phone": "campaign"},
    "outreach.Pupil": {
        "full_name": "campaign",
        "pupil_code": "campaign",
        "birth_year": "campaign",
        "guardian": "campaign",
        "ambassador_group": "campaign",
    },
    "outreach.Consent": {
        "pupil": "campaign",
        "given": "campaign",
        "recorded_by": "staff",
        "note": "campaign",
    },
    "outreach.PupilErasure": {"pupil": "campaign", "erased_by": "staff"},
    "outreach.RosterImport": {
        "file": "campaign",
        "uploaded_by": "staff",
        "errors": "campaign",
        "notices": "campaign",
    },
    "outreach.TrainingSession": {"presenters": "staff"},
    "outreach.Attendance": {"pupil": "campaign", "present": "campaign"},
    "dossiers.Dossier": {
        "applicant": "dossier",
        "helper": "assisted",
        "applicant_name": "dossier",
        "applicant_id_number": "dossier",
        "applicant_phone": "dossier",
        "applicant_email": "dossier",
        "form_data": "dossier",
        "delivery_address": "dossier",
        "residential_group": "dossier",
        "fee_exemption": "dossier",
        "postal_tracking": "dossier",
        "assignee": "staff",
        "holder": "staff",
    },
    "dossiers.Attachment": {
        "file": "dossier",
        "original_name": "dossier",
        "uploaded_by": "dossier",
    },
    "dossiers.Event": {
        "actor": "staff",
        "actor_name": "staff",
        "reason": "dossier",
        "data": "dossier",
    },
    "dossiers.ResultDocument": {"file": "dossier", "issued_by": "staff"},
    "payments.Payment": {"recorded_by": "staff"},
    "payments.GatewayNotice": {"params": "dossier"},
    "notifications.OutboxMessage": {
        "recipient": "dossier",
        "subject": "dossier",
        "body": "dossier",
        "template_fields": "dossier",
    },
    "national.NationalMessage": {"data": "dossier"},
    "results.ResultDraft": {"fields": "dossier", "body": "dossier", "drafted_by": "staff"},
    "feedback.Rating": {"comment": "dossier"},
    "feedback.Petition": {
        "sender_name": "feedback",
        "sender_phone": "feedback",
        "sender_email": "feedback",
        "subject": "feedback",
        "content": "feedback",
        "answer": "feedback",
        "answered_by": "staff",
        "closed_by": "staff",
        "close_note": "feedback",
    },
    "api.ApiKey": {"user": "staff", "secret_hash": "security"},
    "api.ApplicantToken": {"user": "account", "secret_hash": "security"},
    "appointments.Booking": {
        "citizen": "feedback",
        "visitor_name": "feedback",
        "visitor_phone": "feedback",
    },
    "privacy.NoticeAcknowledgement": {"account": "account"},
    # What happened may name people; the contact is the officer in charge.
    "breaches.Incident": {
        "description": "security",
        "consequences": "security",
        "measures": "security",
        "late_reason": "security",
        "contact_name": "staff",
        "contact_phone": "staff",
        "contact_email": "staff",
        "recorded_by": "staff",
    },
    "breaches.IncidentEvent": {"actor": "staff"},
    "rights.RightsRequest": {
        "account": "rights",
        "pupil": "rights",
        "details": "rights",
        "on_behalf_of": "rights",
        "answer": "rights",
        "reasons": "rights",
        "filed_by": "rights",
        "answered_by": "staff",
    },
    "rights.RightsStep": {"actor": "staff", "note": "rights"},
    "rights.DossierRead": {"actor": "staff"},
}

_TALLY = (
    "agency procedure received paid paid_online resolved early on_time late digitised "
    "ratings satisfied not_due overdue paused"
)

# model label -> the fields that are not personal, space-separated.
NOT_PERSONAL: dict[str, str] = {
    "audit.AuditEntry": "id at action what target",
    "catalogue.AdminUnit": "id valid_from valid_to name code level parent",
    "catalogue.Agency": "id valid_from valid_to name unit_code kind admin_unit parent",
    "catalogue.UnitSuccession": "id predecessor successor effective_date kind legal_basis",
    "catalogue.SucceedingGroup": "id succession group effective_date",
    "catalogue.Field": "id name",
    "catalogue.Procedure": (
        "id code name field handling_level agency online_level working_days same_day_cutoff "
        "fee_text fee_rule result_type form_schema notes is_active min_assurance search_text"
    ),
    "catalogue.ProcedureHandling": (
        "id valid_from valid_to procedure handling_level agency legal_basis"
    ),
    "catalogue.RequiredDocument": "id procedure name required position template",
    "catalogue.CalendarDay": "id date kind note",
    "documents.NumberSeries": "id agency kind year last_number",
    "documents.IssuedNumber": "id series number reference issued_at",
    "accounts.User": "id last_login is_superuser is_staff is_active date_joined kind",
    "accounts.CitizenProfile": "id assurance notify_by_zalo",
    "accounts.OrganisationProfile": "id name tax_code address ward assurance",
    "accounts.StaffRole": "id role agency school",
    "accounts.PasswordRecovery": "id purpose attempts created_at expires_at used_at",
    "accounts.NationalEidLink": "id issuer linked_at last_login_at",
    "outreach.School": "id name ward is_public verified",
    "outreach.Campaign": (
        "id title lead_agency start_date end_date target_grade goals target_pupils "
        "success_rule created_at updated_at"
    ),
    "outreach.Material": "id campaign title kind description",
    "outreach.MaterialVersion": (
        "id material number file original_name content_type size note uploaded_at"
    ),
    "outreach.YearEndReport": (
        "id campaign state submitted_at approved_at criteria approved_digest approved_totals "
        "created_at updated_at"
    ),
    "outreach.Ambassador": "id campaign school_class active since until",
    "outreach.PracticeAttempt": "id campaign session procedure dossier started_at completed_at",
    "outreach.AssistedSubmission": (
        "id dossier channel attempts expires_at confirmed_at created_at"
    ),
    "outreach.SchoolClass": "id school name school_year grade",
    "outreach.Guardian": "id",
    "outreach.Pupil": "id school_class erased_at",
    "outreach.Consent": "id giver method recorded_at",
    "outreach.PupilErasure": "id erased_at",
    "outreach.RosterImport": (
        "id original_name school campaign school_year status total done created updated "
        "valid groups_set groups_held created_at finished_at"
    ),
    "outreach.TrainingSession": "id campaign school starts_at ends_at place",
    "outreach.Attendance": "id session",
    "dossiers.Dossier": (
        "id public_id code procedure agency delivery status is_practice creation_key "
        "created_at updated_at submitted_at received_at due_date extended_due_date "
        "supplement_requested_at supplement_status_from resolved_at returned_at closed_at "
        "fee_amount fee_exemption_confirmed fee_paid_at last_event_hash event_count"
    ),
    "dossiers.Attachment": (
        "id public_id dossier document kind requested content_type size sha256 uploaded_at"
    ),
    "dossiers.Event": "id dossier seq at kind from_status to_status prev_hash hash",
    "dossiers.ResultDocument": "id dossier verification_code sha256 issued_at",
    "dossiers.DailySequence": "id agency day last",
    "payments.Payment": (
        "id public_id dossier amount txn_ref gateway status response_code transaction_no "
        "bank_code pay_date bank_transaction_id created_at updated_at paid_at receipt_number"
    ),
    "payments.ReceiptSequence": "id year last",
    "payments.GatewayNotice": "id kind received_at txn_ref payment verdict rsp_code",
    "notifications.OutboxMessage": (
        "id channel dedupe_key status attempts next_attempt_at last_error template_kind "
        "zalo_error delivered_by created_at sent_at dossier"
    ),
    "notifications.ZaloToken": "id access_token refresh_token seeded_from refreshed_at",
    "national.NationalMessage": (
        "id dossier event event_seq kind status_code message_id is_update status attempts "
        "next_attempt_at last_error created_at sent_at"
    ),
    "results.ResultTemplate": "id procedure_code title symbol fields body signer_title",
    "results.ResultDraft": (
        "id dossier template title symbol signer_title updated_at agency year number issued_at"
    ),
    "feedback.Rating": "id dossier level created_at",
    "feedback.Petition": (
        "id public_id tracking_digest agency dossier_code allow_publication status created_at "
        "answered_at closed_at"
    ),
    "api.ApiKey": ("id name agency role prefix created_at revoked_at last_used_at expires_at"),
    "api.ApplicantToken": "id prefix created_at expires_at revoked_at",
    "reports.DayTally": f"id day {_TALLY}",
    "reports.MonthTally": f"id month {_TALLY}",
    "reports.TallyEntry": f"id day {_TALLY}",
    "reports.DossierTally": "dossier counted",
    "reports.TallyState": "id built built_at compacted_at",
    "appointments.Slot": "id agency weekday start duration_minutes capacity place is_active",
    "appointments.Booking": (
        "id public_id code slot agency day seat procedure status created_at changed_at"
    ),
    "retention.RetentionRun": "id at dry_run counts",
    "breaches.Incident": (
        "id found_at started_at ended_at systems office_name office_address status "
        "notified_authority_at recorded_at"
    ),
    # Counts and dates only (breaches/services.py).
    "breaches.IncidentEvent": "id incident at kind data",
    "privacy.NoticeText": "id notice version body created_at",
    "rights.RightsRequest": "id kind status received_at due_at answered_at",
    "rights.RightsStep": "id request at kind",
    "rights.DossierRead": "id dossier day first_at",
    "privacy.NoticeAcknowledgement": "id text dossier consent at",
}


def not_personal(label: str) -> set[str]:
    return set(NOT_PERSONAL.get(label, "").split())


def personal(label: str) -> dict[str, str]:
    return PERSONAL.get(label, {})


def fields_of_purpose(key: str) -> list[str]:
    """ "app.Model.field" of every personal field of one purpose."""
    return sorted(
        f"{label}.{name}"
        for label, fields in PERSONAL.items()
        for name, purpose in fields.items()
        if purpose == key
    )
