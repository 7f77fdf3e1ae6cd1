"""E-form definitions (format: catalogue/forms_schema.py) for the procedures
the demo offers online, and their online level.

The fields follow the official declaration forms (tờ khai) of each
procedure, cut to what an officer needs to process it. Level 4 goes to
procedures with a fee that can be computed, so online payment can be shown.
"""

from __future__ import annotations

from typing import Any

from dichvucong.catalogue.constants import OnlineLevel
from dichvucong.catalogue.models import Procedure
from dichvucong.demo.store import Tally, upsert

Field = dict[str, Any]
Schema = list[dict[str, Any]]

# Demo amounts for council-set fees of level-4 procedures: without an amount
# the fee cannot be paid online. Demo values; the administrator enters the
# one in the city council's current resolution.
DEMO_FEE_AMOUNTS = {"1.001612": 100000}

SEXES = ["Nam", "Nữ"]
BIRTH_DECLARANTS = ["Cha", "Mẹ", "Ông", "Bà", "Người thân thích khác", "Người được ủy quyền"]
DEATH_DECLARANTS = [
    "Vợ/chồng",
    "Con",
    "Cha/mẹ",
    "Người thân thích khác",
    "Đại diện cơ quan, tổ chức",
    "Người được ủy quyền",
]


def field(kind: str, name: str, label: str, *, required: bool = True, **extra: Any) -> Field:
    return {"name": name, "label": label, "type": kind, "required": required, **extra}


def step(title: str, *fields: Field) -> dict[str, Any]:
    return {"title": title, "fields": list(fields)}


def applicant_step(title: str = "Người nộp hồ sơ", *more: Field) -> dict[str, Any]:
    """Who submits: what the account already knows is filled in."""
    return step(
        title,
        field("text", "applicant_name", "Họ, chữ đệm và tên", max_length=100, prefill="full_name"),
        field("id_number", "applicant_id", "Số định danh cá nhân", prefill="id_number"),
        field("phone", "applicant_phone", "Số điện thoại", prefill="phone"),
        field("email", "applicant_email", "Thư điện tử", required=False, prefill="email"),
        *more,
    )


def residence(name: str, *, required: bool = True, **extra: Any) -> Field:
    """Where someone lives who may live outside the district: free text,
    because the "address" type offers only the district's own wards."""
    return field(
        "text",
        name,
        "Nơi cư trú",
        required=required,
        max_length=300,
        help="Số nhà, đường, phường/xã, quận/huyện, tỉnh/thành phố.",
        **extra,
    )


def person_fields(
    prefix: str, *, id_required: bool = True, local_residence: bool = False
) -> list[Field]:
    """Name, date of birth, ethnicity, nationality, ID and residence of one
    person named on a civil-status record. `local_residence`: the residence
    is in the district (it decides which ward handles the case)."""
    return [
        field("text", f"{prefix}_name", "Họ, chữ đệm và tên", max_length=100),
        field("date", f"{prefix}_birth_date", "Ngày sinh", max="today"),
        field("text", f"{prefix}_ethnicity", "Dân tộc", max_length=50),
        field("text", f"{prefix}_nationality", "Quốc tịch", max_length=50, help="Ví dụ: Việt Nam"),
        field("id_number", f"{prefix}_id", "Số định danh cá nhân", required=id_required),
        field("address", f"{prefix}_residence", "Nơi cư trú")
        if local_residence
        else residence(f"{prefix}_residence"),
    ]


def extract_copies(
    help_text: str = "Nhập số bản sao cần thêm ngoài bản chính, ví dụ 1; 8.000 đ/bản sao.",
) -> Field:
    return field(
        "number",
        "extract_copies",
        "Số bản sao trích lục yêu cầu cấp",
        required=False,
        min=0,
        max=10,
        help=help_text,
    )


def birth_registration() -> Schema:
    """1.001193 Đăng ký khai sinh (tờ khai: Thông tư 04/2020/TT-BTP)."""
    parent_year = {"min": 1900, "help": "Chỉ ghi năm sinh, ví dụ 1990."}
    return [
        applicant_step(
            "Người đi đăng ký khai sinh",
            field(
                "choice",
                "declarant_relationship",
                "Quan hệ với người được khai sinh",
                choices=BIRTH_DECLARANTS,
                help="Cha hoặc mẹ có trách nhiệm đăng ký khai sinh trong 60 ngày kể từ ngày sinh.",
            ),
        ),
        step(
            "Người được khai sinh",
            field("text", "child_name", "Họ, chữ đệm và tên", max_length=100),
            field("choice", "child_sex", "Giới tính", choices=SEXES),
            field("date", "child_birth_date", "Ngày, tháng, năm sinh", max="today"),
            field(
                "text",
                "birth_place",
                "Nơi sinh",
                max_length=200,
                help="Tên cơ sở y tế nếu sinh tại cơ sở y tế; nếu không, ghi địa chỉ nơi sinh.",
            ),
            field("text", "child_ethnicity", "Dân tộc", max_length=50),
            field("text", "child_nationality", "Quốc tịch", max_length=50, help="Ví dụ: Việt Nam"),
            field("text", "child_home_town", "Quê quán", required=False, max_length=200),
        ),
        step(
            "Mẹ",
            field("text", "mother_name", "Họ, chữ đệm và tên", max_length=100),
            field("number", "mother_birth_year", "Năm sinh", **parent_year),
            field("text", "mother_ethnicity", "Dân tộc", max_length=50),
            field("text", "mother_nationality", "Quốc tịch", max_length=50),
            field("id_number", "mother_id", "Số định danh cá nhân"),
            residence("mother_residence"),
        ),
        step(
            "Cha",
            field(
                "text",
                "father_name",
                "Họ, chữ đệm và tên",
                required=False,
                max_length=100,
                help="Để trống nếu chưa xác định được cha.",
            ),
            field("number", "father_birth_year", "Năm sinh", required=False, **parent_year),
            field("text", "father_ethnicity", "Dân tộc", required=False, max_length=50),
            field("text", "father_nationality", "Quốc tịch", required=False, max_length=50),
            field("id_number", "father_id", "Số định danh cá nhân", required=False),
            residence("father_residence", required=False),
        ),
        step("Bản sao trích lục", extract_copies()),
    ]


def marriage_registration() -> Schema:
    """1.000894 Đăng ký kết hôn: both parties come in person to sign."""
    return [
        applicant_step(
            "Người nộp hồ sơ",
            field(
                "choice",
                "applicant_party",
                "Người nộp hồ sơ là",
                choices=["Bên nữ", "Bên nam"],
            ),
        ),
        step("Bên nữ", *_party_fields("bride", "Nữ từ đủ 18 tuổi trở lên")),
        step("Bên nam", *_party_fields("groom", "Nam từ đủ 20 tuổi trở lên")),
        step(
            "Cam đoan và bản sao",
            field(
                "checkbox",
                "voluntary_and_eligible",
                "Chúng tôi cam đoan",
                help="Việc kết hôn do hai bên tự nguyện, đủ điều kiện kết hôn, không vi phạm "
                "điều cấm của Luật Hôn nhân và gia đình; hai bên cùng có mặt khi nhận "
                "Giấy chứng nhận kết hôn.",
            ),
            extract_copies(
                "Nhập số bản sao trích lục kết hôn cần thêm ngoài bản chính, ví dụ 1; "
                "8.000 đ/bản sao."
            ),
        ),
    ]


def _party_fields(prefix: str, age_rule: str) -> list[Field]:
    fields = person_fields(prefix)
    fields[1] = {**fields[1], "help": f"{age_rule} (Luật Hôn nhân và gia đình 2014, điều 8)."}
    return fields


def death_registration() -> Schema:
    """1.000656 Đăng ký khai tử: within 15 days of the death."""
    return [
        applicant_step(
            "Người đi đăng ký khai tử",
            field(
                "choice",
                "declarant_relationship",
                "Quan hệ với người đã chết",
                choices=DEATH_DECLARANTS,
            ),
        ),
        step(
            "Người đã chết",
            # People who died long ago may never have had a personal ID number.
            *person_fields("deceased", id_required=False, local_residence=True),
            field("choice", "deceased_sex", "Giới tính", choices=SEXES),
            field(
                "date",
                "death_date",
                "Ngày chết",
                max="today",
                help="Đăng ký trong 15 ngày kể từ ngày chết thì được miễn lệ phí.",
            ),
            field("text", "death_place", "Nơi chết", max_length=200),
            field("text", "death_cause", "Nguyên nhân chết", required=False, max_length=200),
        ),
        step(
            "Giấy báo tử",
            field(
                "text",
                "death_notice_number",
                "Số giấy báo tử hoặc giấy tờ thay thế",
                required=False,
                max_length=50,
            ),
            field("text", "death_notice_issuer", "Cơ quan cấp", max_length=200),
            field("date", "death_notice_date", "Ngày cấp", max="today"),
            extract_copies(),
        ),
    ]


def civil_status_extract_copy() -> Schema:
    """2.000635 Cấp bản sao trích lục hộ tịch: 8.000 đ per copy."""
    return [
        applicant_step(
            "Người yêu cầu",
            field(
                "text",
                "relationship",
                "Quan hệ với người được cấp bản sao",
                max_length=50,
                help="Ví dụ: bản thân, cha, mẹ, con, người được ủy quyền.",
            ),
        ),
        step(
            "Việc hộ tịch đã đăng ký",
            field(
                "choice",
                "record_type",
                "Loại việc hộ tịch",
                choices=[
                    "Khai sinh",
                    "Kết hôn",
                    "Khai tử",
                    "Nhận cha, mẹ, con",
                    "Giám hộ",
                    "Khác",
                ],
            ),
            field(
                "text", "subject_name", "Họ, chữ đệm và tên người được cấp bản sao", max_length=100
            ),
            field("date", "subject_birth_date", "Ngày sinh", required=False, max="today"),
            field(
                "text",
                "registration_office",
                "Nơi đã đăng ký",
                max_length=200,
                help="Ví dụ: UBND phường Khương Mai.",
            ),
            field("text", "registration_number", "Số đăng ký", required=False, max_length=30),
            field("date", "registration_date", "Ngày đăng ký", required=False, max="today"),
        ),
        step(
            "Số bản sao",
            field(
                "number",
                "copies",
                "Số bản sao",
                min=1,
                max=20,
                help="Nhập số bản sao, ví dụ 2; 8.000 đ/bản sao, nộp trực tuyến.",
            ),
            field("text", "purpose", "Mục đích sử dụng", required=False, max_length=200),
        ),
    ]


def marital_status_certificate() -> Schema:
    """1.004873 Cấp Giấy xác nhận tình trạng hôn nhân."""
    return [
        step(
            "Người yêu cầu xác nhận",
            field(
                "text", "applicant_name", "Họ, chữ đệm và tên", max_length=100, prefill="full_name"
            ),
            field(
                "date", "applicant_birth_date", "Ngày sinh", max="today", prefill="date_of_birth"
            ),
            field("choice", "applicant_sex", "Giới tính", choices=SEXES),
            field("id_number", "applicant_id", "Số định danh cá nhân", prefill="id_number"),
            field("phone", "applicant_phone", "Số điện thoại", prefill="phone"),
            field("address", "applicant_residence", "Nơi cư trú", prefill="address"),
        ),
        step(
            "Tình trạng hôn nhân",
            field(
                "choice",
                "marital_status",
                "Tình trạng hôn nhân hiện tại",
                choices=[
                    "Chưa đăng ký kết hôn với ai",
                    "Đang có vợ/chồng",
                    "Đã ly hôn",
                    "Vợ/chồng đã chết",
                ],
            ),
            field(
                "textarea",
                "purpose",
                "Mục đích sử dụng Giấy xác nhận",
                max_length=500,
                help="Nếu để đăng ký kết hôn, ghi rõ họ tên, ngày sinh, quốc tịch và nơi đăng "
                "ký kết hôn của người dự định kết hôn.",
            ),
            field("number", "copies", "Số bản", min=1, max=5),
        ),
    ]


def certified_copies() -> Schema:
    """2.000815 Chứng thực bản sao từ bản chính: the fee counts pages and copies
    of each document."""
    return [
        applicant_step("Người yêu cầu chứng thực"),
        step(
            "Giấy tờ cần chứng thực",
            field(
                "group",
                "documents",
                "Giấy tờ",
                min=1,
                max=20,
                help="Mang bản chính đến Bộ phận Một cửa để đối chiếu khi nhận kết quả.",
                fields=[
                    field("text", "title", "Tên giấy tờ", max_length=200),
                    field("number", "pages", "Số trang", min=1, max=500),
                    field("number", "copies", "Số bản sao cần chứng thực", min=1, max=50),
                ],
            ),
        ),
    ]


def business_registration() -> Schema:
    """1.001612 Đăng ký thành lập hộ kinh doanh (Nghị định 01/2021)."""
    return [
        step(
            "Hộ kinh doanh",
            field(
                "text",
                "business_name",
                "Tên hộ kinh doanh",
                max_length=200,
                help='Gồm cụm từ "Hộ kinh doanh" và tên riêng, ví dụ: Hộ kinh doanh Mai Anh.',
            ),
            field("address", "business_address", "Địa điểm kinh doanh"),
            field("phone", "business_phone", "Điện thoại", required=False),
            field("email", "business_email", "Thư điện tử", required=False),
            field("textarea", "business_lines", "Ngành, nghề kinh doanh", max_length=1000),
            field(
                "number",
                "capital",
                "Vốn kinh doanh (đồng)",
                min=0,
                help="Nhập số tiền chỉ gồm chữ số, ví dụ 100000000 (một trăm triệu đồng).",
            ),
            field("number", "employees", "Số lao động", min=0, help="Nhập số người, ví dụ 3."),
        ),
        step(
            "Chủ hộ kinh doanh",
            field("text", "owner_name", "Họ, chữ đệm và tên", max_length=100, prefill="full_name"),
            field("date", "owner_birth_date", "Ngày sinh", max="today", prefill="date_of_birth"),
            field("choice", "owner_sex", "Giới tính", choices=SEXES),
            field("id_number", "owner_id", "Số định danh cá nhân", prefill="id_number"),
            field("phone", "owner_phone", "Số điện thoại", prefill="phone"),
            residence("owner_residence", prefill="address"),
            field("tax_code", "owner_tax_code", "Mã số thuế cá nhân", required=False),
        ),
    ]


def business_closure() -> Schema:
    """1.001266 Chấm dứt hoạt động hộ kinh doanh."""
    return [
        step(
            "Hộ kinh doanh",
            field("text", "business_name", "Tên hộ kinh doanh", max_length=200),
            field(
                "text",
                "registration_number",
                "Số Giấy chứng nhận đăng ký hộ kinh doanh",
                max_length=30,
            ),
            field("tax_code", "business_tax_code", "Mã số thuế của hộ kinh doanh"),
            field("address", "business_address", "Địa điểm kinh doanh"),
            field("date", "closing_date", "Ngày chấm dứt hoạt động"),
            field(
                "checkbox",
                "tax_settled",
                "Đã hoàn thành nghĩa vụ thuế",
                help="Cơ quan thuế xác nhận trước khi chấm dứt hoạt động.",
            ),
        ),
        step(
            "Chủ hộ kinh doanh",
            field("text", "owner_name", "Họ, chữ đệm và tên", max_length=100, prefill="full_name"),
            field("id_number", "owner_id", "Số định danh cá nhân", prefill="id_number"),
            field("phone", "owner_phone", "Số điện thoại", prefill="phone"),
        ),
    ]


def building_permit() -> Schema:
    """1.013225 Cấp giấy phép xây dựng nhà ở riêng lẻ."""
    return [
        applicant_step(
            "Chủ đầu tư",
            field(
                "text", "applicant_address", "Địa chỉ liên hệ", max_length=300, prefill="address"
            ),
        ),
        step(
            "Thửa đất",
            field("address", "plot_address", "Địa chỉ công trình"),
            field("text", "plot_number", "Thửa đất số", max_length=20),
            field("text", "map_sheet", "Tờ bản đồ số", max_length=20),
            field(
                "text",
                "land_certificate_number",
                "Số Giấy chứng nhận quyền sử dụng đất",
                max_length=30,
            ),
            field("number", "plot_area", "Diện tích thửa đất (m²)", min=1),
        ),
        step(
            "Công trình",
            field("number", "ground_floor_area", "Diện tích xây dựng tầng 1 (m²)", min=1),
            field("number", "total_floor_area", "Tổng diện tích sàn (m²)", min=1),
            field(
                "number", "floors", "Số tầng", min=1, max=50, help="Kể cả tầng hầm, tầng lửng, tum."
            ),
            field("number", "height", "Chiều cao công trình (m)", required=False, min=1),
            field(
                "text", "designer", "Đơn vị hoặc cá nhân thiết kế", required=False, max_length=200
            ),
        ),
    ]


def online_offerings() -> dict[str, tuple[int, Schema]]:
    """Procedure code -> (online level, e-form)."""
    partial, full = OnlineLevel.PARTIAL.value, OnlineLevel.FULL.value
    return {
        "1.001193": (partial, birth_registration()),
        "1.000894": (partial, marriage_registration()),
        "1.000656": (partial, death_registration()),
        "1.004873": (partial, marital_status_certificate()),
        "1.001266": (partial, business_closure()),
        "1.013225": (partial, building_permit()),
        "2.000635": (full, civil_status_extract_copy()),
        "2.000815": (full, certified_copies()),
        "1.001612": (full, business_registration()),
    }


def load_eforms(tally: Tally) -> None:
    for code, (level, schema) in online_offerings().items():
        procedure = Procedure.objects.get(code=code)
        values: dict[str, Any] = {"online_level": level, "form_schema": schema}
        if code in DEMO_FEE_AMOUNTS:
            values["fee_rule"] = {**procedure.fee_rule, "amount": DEMO_FEE_AMOUNTS[code]}
        upsert(Procedure, tally, {"code": code}, values)
