"""The access table: for every URL that takes an object's id, what each
role gets when it asks for side A's object (access_world.py builds it).

Four outcomes, read from the response:

- OK: the request reached the resource: its page or file (2xx), a
  redirect that is not to a login page (3xx), or the operation's own
  refusal of what was sent (400, 409, 422: an empty form, a transition
  the lifecycle does not allow now).
- LOGIN: sent to log in (a redirect to the site's or the admin's login
  page) or, in the API, 401.
- FORBIDDEN (403): the role may not enter this part of the site at all,
  whatever the object (a citizen at the back office's door).
- HIDDEN (404): the role is inside, but the object is none of its unit's
  work, so it is answered as if it did not exist (DESIGN.md §2; the
  house rule is "a guessed or foreign id is a 404").

The rule of thumb the table follows, as the system does: the door of a
section answers 403, an object outside one's unit 404.

A URL pattern with a parameter must have an entry here (or be listed in
NOT_OBJECTS with the reason its parameter names no row); an entry whose
URL no longer exists fails too. The test is
test_every_url_with_an_id_answers_each_role_as_the_table_says.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from dichvucong.backoffice.actions import ACTIONS as BACK_OFFICE_ACTIONS

OK, LOGIN, FORBIDDEN, HIDDEN = "ok", "login", "forbidden", "hidden"

ROLES = (
    "anonymous",
    "applicant_a",
    "applicant_b",
    "helper_a",  # pupil ambassador of school X, helping applicant A
    "helper_b",  # pupil ambassador of school Y
    "receptionist_a",
    "receptionist_b",
    "specialist_a",
    "leader_a",
    "coordinator_x",
    "coordinator_y",
    "education_office",
    "district_leadership",
    "administrator",
    "api_key_a",  # a receptionist's key of ward A's People's Committee
    "api_key_b",
)
KEYS = frozenset({"api_key_a", "api_key_b"})
# No browser session: a key in a header logs nobody in on the web.
NO_SESSION = frozenset({"anonymous", *KEYS})
WARD_A_STAFF = frozenset({"receptionist_a", "specialist_a", "leader_a"})
HELPERS = frozenset({"helper_a", "helper_b"})
OUTREACH = frozenset({"coordinator_x", "coordinator_y", "education_office", "district_leadership"})
ROSTER_X = frozenset({"education_office", "coordinator_x"})  # who keeps school X's rosters


def expect(
    default: str,
    *,
    ok: Iterable[str] = (),
    forbidden: Iterable[str] = (),
    hidden: Iterable[str] = (),
    login: Iterable[str] = NO_SESSION,
) -> Mapping[str, str]:
    """One row of the table: `default` for every role not named."""
    cells = dict.fromkeys(ROLES, default)
    for outcome, roles in ((LOGIN, login), (FORBIDDEN, forbidden), (HIDDEN, hidden), (OK, ok)):
        for role in roles:
            assert role in cells, f"unknown role {role!r}"
            cells[role] = outcome
    return MappingProxyType(cells)


@dataclass(frozen=True)
class Ref:
    """A URL parameter taken from the world: a named value of World.params,
    or the `attr` of a named object."""

    name: str
    attr: str = "pk"


@dataclass(frozen=True)
class Case:
    """One request: `method` on the URL filled from the world's object
    `obj` (its public_id, pk or code, as the parameter's name asks) and
    `params`. `obj` "admin:<app.model>" is that model's first row. `body`
    is sent as JSON (API), `upload` as a multipart PDF."""

    method: str
    obj: str | None
    expect: Mapping[str, str]
    params: Mapping[str, Any] = field(default_factory=dict)
    body: Any = None
    upload: bool = False


def get(obj: str | None, expected: Mapping[str, str], **params: Any) -> Case:
    return Case("GET", obj, expected, params)


def post(obj: str | None, expected: Mapping[str, str], **params: Any) -> Case:
    """An empty form: a denied role must change nothing even so."""
    return Case("POST", obj, expected, params)


def both(
    obj: str, expected: Mapping[str, str], posted: Mapping[str, str] | None = None, **params: Any
) -> tuple[Case, Case]:
    """A page that shows on GET and acts on POST."""
    return get(obj, expected, **params), post(obj, posted or expected, **params)


def api(method: str, obj: str, expected: Mapping[str, str], body: Any = None) -> Case:
    """An API call with a body that passes validation: the API validates
    the body before the operation loads the dossier, so an empty body
    would be refused (422) before access is decided, for everyone alike."""
    return Case(method, obj, expected, body=body)


# --- Rows used by several URLs ---------------------------------------------------------

PUBLIC = expect(OK, login=())
ANY_LOGGED_IN = expect(OK)
OWN_DOSSIER = expect(HIDDEN, ok={"applicant_a"})
# The applicant and the staff of the dossier's agency (slips, files, receipts, results).
OWN_OR_WARD_A = expect(HIDDEN, ok={"applicant_a", *WARD_A_STAFF})
# Drafts are not the office's work yet; the helper fills in only what they started.
HELPED_DRAFT = expect(HIDDEN, ok={"applicant_a", "helper_a"})
BACK_OFFICE_A = expect(FORBIDDEN, ok=WARD_A_STAFF, hidden={"receptionist_b"})
# History taken over in a reorganisation (dossiers/access.py): the ended
# dossiers of a ward merged whole into ward A, and of a split ward those of
# its residential group that went to ward A, are ward A's staff's to read;
# the part that went to ward B is ward B's. Acting stays with the agency
# that holds them (nobody here), and what is still in progress there is
# nobody's to read through succession.
BACK_OFFICE_B = expect(FORBIDDEN, ok={"receptionist_b"}, hidden=WARD_A_STAFF)
NOT_TAKEN_OVER = expect(FORBIDDEN, hidden={*WARD_A_STAFF, "receptionist_b"})
# Cash is taken at the counter by a receptionist only; to anyone else the
# dossier is not there (no door of its own: the page is reached from the
# back office's dossier page).
COUNTER_A = expect(HIDDEN, ok={"receptionist_a"})
OWN_OR_COUNTER_A = expect(HIDDEN, ok={"applicant_a", "receptionist_a"})
CITIZENS = expect(FORBIDDEN, ok={"applicant_a", "applicant_b"})
PETITION_A = expect(HIDDEN, ok=WARD_A_STAFF)

# Outreach: the door lets in the education office, school coordinators and
# district leadership (403 for everyone else). The campaign is the
# district's, shared by schools X and Y; its materials too.
CAMPAIGN = expect(FORBIDDEN, ok=OUTREACH)
CAMPAIGN_MANAGER = expect(FORBIDDEN, ok={"education_office"})
# Sessions are planned by whoever keeps a school's rosters.
SESSION_PLANNER = expect(FORBIDDEN, ok={"education_office", "coordinator_x", "coordinator_y"})
# School X's own rows: its coordinator and the education office; school Y's
# coordinator is inside the door but must not know them. District
# leadership reads counts, never a roster (no pupil's name): 404.
ROSTER_OF_X = expect(FORBIDDEN, ok=ROSTER_X, hidden={"coordinator_y", "district_leadership"})
SESSION_OF_X = expect(FORBIDDEN, ok={*ROSTER_X, "district_leadership"}, hidden={"coordinator_y"})
# Editing a session: leadership reads only (403, the door of editing).
SESSION_EDIT_X = expect(
    FORBIDDEN, ok=ROSTER_X, forbidden={"district_leadership"}, hidden={"coordinator_y"}
)
REPORT_APPROVER = expect(FORBIDDEN, ok={"district_leadership"})
# The dossiers behind school X's figure: the report's readers, school Y's
# coordinator aside (another school's figure is not found for them).
SCHOOL_X_DOSSIERS = expect(
    FORBIDDEN,
    ok={"education_office", "coordinator_x", "district_leadership"},
    hidden={"coordinator_y"},
)

# Drafts and practice runs are nobody's work at the office: not in any
# queue, not through any key (404 to the staff inside the door).
NOT_OFFICE_WORK = expect(FORBIDDEN, hidden={*WARD_A_STAFF, "receptionist_b"})
NOT_OFFICE_WORK_BY_KEY = expect(LOGIN, hidden=KEYS)

# Data subjects' requests: the queue's door lets in the administrator and
# whoever keeps a school's rosters (403 for everyone else).
ROSTER_KEEPERS = frozenset({"coordinator_x", "coordinator_y", "education_office"})
RIGHTS_ACCOUNT = expect(FORBIDDEN, ok={"administrator"}, hidden=ROSTER_KEEPERS)
RIGHTS_PUPIL_X = expect(FORBIDDEN, ok=ROSTER_X, hidden={"coordinator_y", "administrator"})
FILING_FOR_PUPIL_X = expect(FORBIDDEN, ok=ROSTER_X, hidden={"coordinator_y"})

HELPER = expect(FORBIDDEN, ok=HELPERS)
HELPER_A = expect(FORBIDDEN, ok={"helper_a"}, hidden={"helper_b"})

# API: the applicant's part takes the session (401 without one); the
# staff's and the outreach part take an agency's key only (401 for a
# session, however privileged).
STAFF_KEY_A = expect(LOGIN, ok={"api_key_a"}, hidden={"api_key_b"})
# Ward keys reach no campaign: campaigns are the district's (its education
# office's keys and the district committee's read them, counts only).
CAMPAIGN_BY_KEY = expect(LOGIN, hidden=KEYS)

# Django admin lets in is_staff accounts only (the administrator); it sends
# everyone else, logged in or not, to its own login page.
NOT_ADMIN_STAFF = frozenset(ROLES) - {"administrator"}
ADMIN = expect(LOGIN, ok={"administrator"}, login=NOT_ADMIN_STAFF)
ADMIN_REFUSES = expect(LOGIN, forbidden={"administrator"}, login=NOT_ADMIN_STAFF)
# No model here has a page on the site (get_absolute_url), so the admin's
# "view on site" answers 404 even to the administrator.
ADMIN_NO_SITE_PAGE = expect(LOGIN, hidden={"administrator"}, login=NOT_ADMIN_STAFF)

# Personal-data incidents: the administrator's role only; every other
# account is refused at the door, whatever the incident.
INCIDENTS = expect(FORBIDDEN, ok={"administrator"})

ACCESS: dict[str, tuple[Case, ...]] = {
    # --- Public --------------------------------------------------------------------------
    "catalogue:detail": (get("procedure", PUBLIC),),
    "catalogue:document_template": (get("procedure", PUBLIC, document_id=Ref("document")),),
    # The link is the key, as any e-mailed reset link: whoever holds it may
    # set the password, logged in as someone else or not.
    "accounts:password_reset_confirm": (
        get(None, PUBLIC, uidb64=Ref("uidb64"), token=Ref("token")),
    ),
    # --- The applicant's pages -------------------------------------------------------------
    # Any account may start a dossier of a public procedure, staff accounts
    # included (the page is the catalogue's; what is started is one's own).
    "dossiers:start": both("procedure", ANY_LOGGED_IN),
    "dossiers:attachment": (
        get("attachment_a", OWN_OR_WARD_A),
        # A file of a draft the helper fills in: the helper may fetch it
        # back; the office may not (a draft is not yet its work).
        get("assisted_attachment_a", HELPED_DRAFT),
        # Once the applicant has confirmed it, the helper sees the status,
        # never again the applicant's documents (DESIGN.md §6).
        get("helped_attachment_a", OWN_OR_WARD_A),
        # A file of a dossier ward A took over from a ward merged into it.
        get("former_attachment_a", OWN_OR_WARD_A),
    ),
    "dossiers:detail": (get("submitted_a", OWN_DOSSIER), get("helped_a", OWN_DOSSIER)),
    "dossiers:step": (
        *both("draft_a", OWN_DOSSIER, number=1),
        *both("assisted_a", HELPED_DRAFT, number=1),
    ),
    "dossiers:documents": (*both("draft_a", OWN_DOSSIER), *both("assisted_a", HELPED_DRAFT)),
    "dossiers:review": (
        *both("draft_a", OWN_DOSSIER),
        # Only the applicant submits; the helper's draft waits for the
        # applicant's confirmation.
        *both("assisted_a", HELPED_DRAFT, posted=OWN_DOSSIER),
    ),
    "dossiers:discard": both("draft_a", OWN_DOSSIER),
    "dossiers:withdraw": (post("submitted_a", OWN_DOSSIER),),
    "dossiers:supplement": (post("supplement_a", OWN_DOSSIER),),
    "slips:dossier_slip": (get("accepted_a", OWN_OR_WARD_A, number="01"),),
    "payments:pay": both("awaiting_a", OWN_DOSSIER),
    "payments:counter": both("awaiting_a", COUNTER_A),
    "payments:receipt": (get("payment_a", OWN_OR_WARD_A),),
    "results:download": (get("resolved_a", OWN_OR_WARD_A),),
    "feedback:rate": both("resolved_a", OWN_DOSSIER),
    # --- Counter appointments ----------------------------------------------------------
    # Citizens book for themselves; a staff account has nobody to book for.
    "appointments:book": both("counter_agency_a", CITIZENS),
    "appointments:detail": (get("booking_a", OWN_OR_COUNTER_A),),
    "appointments:pdf": (get("booking_a", OWN_OR_COUNTER_A),),
    "appointments:cancel": (post("booking_a", OWN_DOSSIER),),
    "appointments_counter:mark": (post("booking_a", COUNTER_A),),
    # --- The back office -----------------------------------------------------------------
    "backoffice:detail": (
        get("submitted_a", BACK_OFFICE_A),
        get("helped_a", BACK_OFFICE_A),
        get("draft_a", NOT_OFFICE_WORK),
        get("practice_a", NOT_OFFICE_WORK),
        get("former_merged_a", BACK_OFFICE_A),
        get("former_split_a", BACK_OFFICE_A),
        get("former_split_b", BACK_OFFICE_B),
        get("former_open_a", NOT_TAKEN_OVER),
    ),
    # The dossier is loaded (and refused) before the action is looked at,
    # so every action answers alike.
    "backoffice:action": (
        *(post("submitted_a", BACK_OFFICE_A, action=slug) for slug in BACK_OFFICE_ACTIONS),
        *(post("former_merged_a", NOT_TAKEN_OVER, action=slug) for slug in BACK_OFFICE_ACTIONS),
    ),
    # Only the assigned specialist may draft; the rest of ward A's staff are
    # sent back to the dossier's page (a redirect), ward B's get a 404.
    "backoffice:result_draft": (
        *both("submitted_a", BACK_OFFICE_A),
        *both("former_merged_a", NOT_TAKEN_OVER),
    ),
    "feedback:manage_detail": both("petition_a", PETITION_A),
    # --- Outreach --------------------------------------------------------------------------
    "outreach:campaign_detail": (get("campaign", CAMPAIGN),),
    "outreach:campaign_edit": both("campaign", CAMPAIGN_MANAGER),
    "outreach:calendar": (get("campaign", CAMPAIGN),),
    "outreach:material_create": both("campaign", CAMPAIGN_MANAGER),
    "outreach:session_create": both("campaign", SESSION_PLANNER),
    # Everyone of the campaign reads its materials; only its office adds versions.
    "outreach:material_detail": both("material", CAMPAIGN, posted=CAMPAIGN_MANAGER),
    "outreach:material_download": (get("material", CAMPAIGN),),
    "outreach:version_download": (get("version", CAMPAIGN),),
    "outreach:session_detail": (get("session_x", SESSION_OF_X),),
    "outreach:session_edit": both("session_x", SESSION_EDIT_X),
    # The attendance list names pupils: roster keepers only.
    "outreach:attendance": both("session_x", ROSTER_OF_X),
    "outreach:class_detail": (get("class_x", ROSTER_OF_X),),
    "outreach:class_logins": (post("class_x", ROSTER_OF_X),),
    "outreach:class_bulk": (post("class_x", ROSTER_OF_X),),
    "outreach:pupil_detail": (get("pupil_x", ROSTER_OF_X),),
    "outreach:consent_record": (post("pupil_x", ROSTER_OF_X),),
    "outreach:pupil_erase": (post("pupil_x", ROSTER_OF_X),),
    "outreach:pupil_group": (post("pupil_x", ROSTER_OF_X),),
    "outreach:pupil_login": (post("pupil_x", ROSTER_OF_X),),
    "outreach:roster_progress": (get("roster_import_x", ROSTER_OF_X),),
    "outreach:roster_confirm": (post("roster_import_x", ROSTER_OF_X),),
    "outreach:roster_cancel": (post("roster_import_x", ROSTER_OF_X),),
    # The report: everyone of the campaign reads it, each cut to their own
    # schools (names only for the roster keepers); the office sets criteria
    # and submits, district leadership approves or sends back.
    "campaign_report:detail": (get("campaign", CAMPAIGN),),
    "campaign_report:criteria": (post("campaign", CAMPAIGN_MANAGER),),
    "campaign_report:submit": (post("campaign", CAMPAIGN_MANAGER),),
    "campaign_report:approve": (post("campaign", REPORT_APPROVER),),
    "campaign_report:send_back": (post("campaign", REPORT_APPROVER),),
    "campaign_report:dossiers": (get("campaign", CAMPAIGN),),
    "campaign_report:school_dossiers": (
        get("campaign", SCHOOL_X_DOSSIERS, school_id=Ref("school_x")),
    ),
    "campaign_report:export_xlsx": (get("campaign", CAMPAIGN),),
    "campaign_report:export_pdf": (get("campaign", CAMPAIGN),),
    # Decree 30 documents name the pupils: the education office; the
    # district leadership once the report is sent (here it is a draft).
    "campaign_report:report_pdf": (get("campaign", CAMPAIGN_MANAGER),),
    "campaign_report:report_docx": (get("campaign", CAMPAIGN_MANAGER),),
    "campaign_report:decision_pdf": (get("campaign", CAMPAIGN_MANAGER),),
    "campaign_report:decision_docx": (get("campaign", CAMPAIGN_MANAGER),),
    # --- Ambassadors -----------------------------------------------------------------------
    "helpers:practice_start": (post("procedure", HELPER),),
    "helpers:practice_finish": both("practice_a", HELPER_A),
    "helpers:assisted_start": both("procedure", HELPER),
    "helpers:assisted_status": (get("assisted_a", HELPER_A), get("helped_a", HELPER_A)),
    "helpers:assisted_send_code": (post("assisted_a", HELPER_A),),
    "helpers:assisted_code": both("assisted_a", HELPER_A),
    "helpers:assisted_cancel": both("assisted_a", HELPER_A),
    # The applicant's own "Xác nhận và nộp": no ambassador's door, a 404 to
    # anyone but the applicant, the helper included.
    "helpers:assisted_confirm": (post("assisted_a", OWN_DOSSIER),),
    # --- Data subjects' requests (rights/access.py) ---------------------------------------
    # Requests about accounts: the administrator; those who keep rosters are
    # inside the door (for pupils) but an account's request is not theirs.
    "rights:request_detail": (
        *both("rights_request_a", RIGHTS_ACCOUNT),
        # A guardian's request about pupil X, filed by school X.
        *both("rights_request_pupil_x", RIGHTS_PUPIL_X),
    ),
    # Filing for a pupil: roster keepers only (the administrator keeps no roster).
    "rights:pupil_request": both("pupil_x", FILING_FOR_PUPIL_X),
    "rights:pupil_data": (get("pupil_x", FILING_FOR_PUPIL_X),),
    # --- API -------------------------------------------------------------------------------
    "api-v1:get_procedure": (api("GET", "procedure", PUBLIC),),
    "api-v1:get_my_dossier": (api("GET", "submitted_a", OWN_DOSSIER),),
    "api-v1:put_form_data": (api("PUT", "draft_a", OWN_DOSSIER, {"data": {}}),),
    "api-v1:upload_attachment": (Case("POST", "draft_a", OWN_DOSSIER, upload=True),),
    "api-v1:submit": (api("POST", "draft_a", OWN_DOSSIER),),
    "api-v1:discard_draft": (api("DELETE", "draft_a", OWN_DOSSIER),),
    "api-v1:withdraw": (api("POST", "submitted_a", OWN_DOSSIER, {"reason": "Nộp nhầm"}),),
    "api-v1:get_dossier": (
        api("GET", "submitted_a", STAFF_KEY_A),
        api("GET", "draft_a", NOT_OFFICE_WORK_BY_KEY),
        api("GET", "practice_a", NOT_OFFICE_WORK_BY_KEY),
        # A key reads its agency's own dossiers, not the history it took over.
        api("GET", "former_merged_a", NOT_OFFICE_WORK_BY_KEY),
    ),
    "api-v1:list_specialists": (api("GET", "submitted_a", STAFF_KEY_A),),
    "api-v1:accept": (api("POST", "submitted_a", STAFF_KEY_A, {}),),
    "api-v1:request_supplement": (
        api("POST", "submitted_a", STAFF_KEY_A, {"missing": ["Giấy chứng sinh bản rõ nét"]}),
    ),
    "api-v1:refuse": (api("POST", "submitted_a", STAFF_KEY_A, {"reason": "Sai thẩm quyền"}),),
    "api-v1:assign": (api("POST", "submitted_a", STAFF_KEY_A, {"specialist": "chuyenvien.a"}),),
    "api-v1:forward": (api("POST", "submitted_a", STAFF_KEY_A, {"opinion": "Đủ điều kiện"}),),
    "api-v1:approve": (api("POST", "submitted_a", STAFF_KEY_A),),
    "api-v1:stop": (api("POST", "submitted_a", STAFF_KEY_A, {"reason": "Không đủ"}),),
    "api-v1:return_result": (api("POST", "submitted_a", STAFF_KEY_A, {}),),
    "api-v1:apologise": (
        api("POST", "submitted_a", STAFF_KEY_A, {"new_date": "2030-01-02", "reason": "Chậm"}),
    ),
    "api-v1:campaign_report": (api("GET", "campaign", CAMPAIGN_BY_KEY),),
    # A dossier that owes nothing: the key of ward A reaches it (409 fee_not_due).
    "api-v1:record_counter_payment": (api("POST", "submitted_a", STAFF_KEY_A),),
    # Residential groups are public master data, like the catalogue.
    "api-v1:list_residential_groups": (api("GET", "ward_a", PUBLIC),),
    # --- Personal-data incidents (/quan-tri/su-co/) ----------------------------------------
    "breaches:detail": (get("incident", INCIDENTS),),
    "breaches:edit": both("incident", INCIDENTS),
    "breaches:affected_csv": (get("incident", INCIDENTS),),
    "breaches:authority_notice": (get("incident", INCIDENTS),),
    "breaches:authority_pdf": (get("incident", INCIDENTS),),
    "breaches:mark_notified": (post("incident", INCIDENTS),),
    "breaches:send_notices": (post("incident", INCIDENTS),),
    "breaches:close": (post("incident", INCIDENTS),),
    # --- Django admin ----------------------------------------------------------------------
    "admin:auth_user_password_change": (get("admin:accounts.user", ADMIN),),
    "admin:view_on_site": (
        get("procedure", ADMIN_NO_SITE_PAGE, content_type_id=Ref("procedure_content_type")),
    ),
}

# Every model in the admin, and the pages of a row the administrator may
# not open (403): rows whose deletion would lose what the law or the
# counts need (the audit trail, the outbox and the list of erasures are
# read-only records). Minors' rows are not in the admin at all.
ADMIN_MODELS: dict[str, frozenset[str]] = {
    "auth.group": frozenset(),
    "audit.auditentry": frozenset({"delete"}),
    "catalogue.adminunit": frozenset(),
    "catalogue.agency": frozenset(),
    "catalogue.field": frozenset(),
    "catalogue.procedure": frozenset(),
    "catalogue.calendarday": frozenset(),
    "catalogue.unitsuccession": frozenset(),
    "catalogue.procedurehandling": frozenset(),
    "accounts.user": frozenset(),
    "accounts.staffrole": frozenset(),
    "outreach.school": frozenset(),
    "outreach.campaign": frozenset(),
    "outreach.material": frozenset(),
    "outreach.schoolclass": frozenset({"delete"}),  # a class with pupils
    "outreach.pupilerasure": frozenset({"delete"}),
    "outreach.trainingsession": frozenset(),
    "outreach.yearendreport": frozenset(),
    "notifications.outboxmessage": frozenset({"delete"}),
    "national.nationalmessage": frozenset({"delete"}),
    "results.resulttemplate": frozenset(),
    "appointments.slot": frozenset(),
    "appointments.booking": frozenset(),
    # A key's service account is named by the events it wrote: revoked, never deleted.
    "api.apikey": frozenset({"delete"}),
}
ADMIN_PREFIX = "quan-tri/"


def _admin_entries() -> dict[str, tuple[Case, ...]]:
    entries: dict[str, tuple[Case, ...]] = {}
    for label, refused in ADMIN_MODELS.items():
        app, model = label.split(".")
        row = f"admin:{label}"
        for page in ("change", "history", "delete"):
            expected = ADMIN_REFUSES if page in refused else ADMIN
            entries[f"admin:{app}_{model}_{page}"] = (get(row, expected),)
        # The bare row address, which redirects to its change page.
        entries[f"{ADMIN_PREFIX}{app}/{model}/<path:object_id>/"] = (get(row, ADMIN),)
    return entries


ACCESS.update(_admin_entries())

# Side A's personal data, and the only roles any answer may show it to
# (checked in every page and JSON answer of the matrix, whatever URL).
SECRETS: dict[str, frozenset[str]] = {
    # The helper typed the applicant's name and number herself; the key
    # is the office's integration; the administrator keeps the accounts.
    "applicant_a_name": frozenset(
        {"applicant_a", "helper_a", *WARD_A_STAFF, "api_key_a", "administrator"}
    ),
    "applicant_a_id_number": frozenset(
        {"applicant_a", "helper_a", *WARD_A_STAFF, "api_key_a", "administrator"}
    ),
    # A pupil ambassador's name: herself, the applicant she helped (told
    # who filled in the draft), the office that receives it, the rosters'
    # keepers; never the other school's coordinator or district leadership.
    "helper_a_name": frozenset(
        {"helper_a", "applicant_a", *WARD_A_STAFF, *ROSTER_X, "administrator"}
    ),
    # Pupils are not in the admin (outreach/admin.py says why).
    "pupil_x_name": ROSTER_X,
}

# Patterns whose parameters name no row, and why.
NOT_OBJECTS: dict[str, str] = {
    "admin:app_list": "names one of the admin's apps, not a row",
    f"{ADMIN_PREFIX}(?P<url>.*)$": "Django admin's catch-all for unknown addresses",
}
