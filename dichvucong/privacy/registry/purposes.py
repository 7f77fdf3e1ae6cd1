"""Why the system processes personal data: one entry per purpose, read by
the notices (privacy/notices.py), the public page and the records in docs/
(privacy/records.py). Change a purpose here and all of them follow.

Legal sources, as far as they could be read (records.SOURCES, printed in
docs/processing-record.md): the Law on Personal Data Protection No.
91/2025/QH15 (in force 1 January 2026) defines personal data (art. 2, read)
and gives the data subject the right to consent or refuse and to withdraw
consent (art. 4, as quoted by the press); Decree 13/2023/NĐ-CP lists basic
personal data (art. 2(3)), defines processing (art. 2(7)) and asks the
controller to draw up and keep an impact assessment from the start of
processing (art. 24), as summarised by law firms; art. 20 (parent and
child from age 7) is DESIGN.md's. Which article of Law 91 lets a state
body process without consent to perform its legal duties could not be
read here; the bases below name the procedural decrees instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from dichvucong.privacy.constants import Basis
from dichvucong.retention.constants import Kind

Text = str | Promise


@dataclass(frozen=True)
class Purpose:
    key: str
    name: Text
    data: tuple[Text, ...]
    why: Text
    basis: Basis
    basis_text: Text
    recipients: tuple[Text, ...]
    # The periods the retention app enforces (RETENTION_* settings) ...
    retention: tuple[Kind, ...]
    # ... and what happens to the rest, in words.
    kept: Text
    safeguards: tuple[Text, ...]
    # For the impact assessment: what could go wrong for the person.
    risks: tuple[Text, ...] = field(default=())
    children: bool = False


ACCOUNT = Purpose(
    key="account",
    name=_("Tài khoản dịch vụ công"),
    data=(
        _("họ và tên, số định danh cá nhân, ngày sinh"),
        _("số điện thoại di động, thư điện tử, địa chỉ, phường và tổ dân phố"),
        _("với tổ chức: tên, mã số thuế, người đại diện"),
        _("liên kết với tài khoản định danh điện tử VNeID (nếu bạn dùng)"),
    ),
    why=_(
        "Xác định đúng người nộp hồ sơ, gửi mã xác nhận và thông báo về hồ sơ, "
        "điền sẵn thông tin của bạn vào các tờ khai."
    ),
    basis=Basis.LAW,
    basis_text=_(
        "Nghị định 45/2020/NĐ-CP về thực hiện thủ tục hành chính trên môi trường điện tử "
        "(tài khoản để nộp hồ sơ trực tuyến); Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15."
    ),
    recipients=(
        _("Cán bộ Bộ phận Một cửa của cơ quan bạn nộp hồ sơ"),
        _("Nhà cung cấp dịch vụ tin nhắn và thư điện tử, chỉ để gửi mã và thông báo"),
    ),
    retention=(Kind.CODES, Kind.SESSIONS),
    kept=_("Thông tin tài khoản được giữ đến khi bạn đề nghị đóng tài khoản."),
    safeguards=(
        _("mật khẩu lưu dạng băm Argon2, không ai đọc được"),
        _("số điện thoại được xác nhận bằng mã trước khi nộp hồ sơ"),
        _("cán bộ chỉ thấy hồ sơ của đơn vị mình"),
    ),
    risks=(
        _("người khác chiếm tài khoản và nộp hồ sơ mạo danh"),
        _("lộ số định danh cá nhân và số điện thoại"),
    ),
)

DOSSIER = Purpose(
    key="dossier",
    name=_("Giải quyết thủ tục hành chính"),
    data=(
        _("thông tin bạn khai trong tờ khai của thủ tục"),
        _("giấy tờ bạn tải lên"),
        _("họ tên, số định danh, số điện thoại, thư điện tử, địa chỉ nhận kết quả"),
        _("lệ phí đã nộp, kết quả giải quyết, đánh giá của bạn"),
        _("nội dung và người nhận của các thông báo về hồ sơ"),
    ),
    why=_(
        "Tiếp nhận, thẩm định và giải quyết hồ sơ của bạn, thu phí, lệ phí, trả kết quả "
        "và báo cho bạn biết hồ sơ đang ở đâu."
    ),
    basis=Basis.LAW,
    basis_text=_(
        "Văn bản pháp luật quy định thủ tục bạn chọn; "
        "Nghị định 61/2018/NĐ-CP về cơ chế một cửa; Nghị định 45/2020/NĐ-CP."
    ),
    recipients=(
        _("Cơ quan giải quyết thủ tục và cán bộ được giao xử lý hồ sơ"),
        _("Cổng Dịch vụ công quốc gia (trạng thái hồ sơ)"),
        _("Cổng thanh toán khi bạn nộp phí trực tuyến"),
        _("Bưu điện khi bạn chọn nhận kết quả qua bưu chính"),
        _("Nhà cung cấp dịch vụ tin nhắn, thư điện tử, Zalo, chỉ để gửi thông báo"),
    ),
    retention=(Kind.DRAFTS, Kind.ENDED_FILES, Kind.NOTIFICATION_BODIES),
    kept=_(
        "Hồ sơ đã nộp, kết quả và nhật ký xử lý được lưu theo quy định về lưu trữ hồ sơ "
        "thủ tục hành chính."
    ),
    safeguards=(
        _("chỉ cán bộ của cơ quan giải quyết xem được hồ sơ"),
        _("mọi thay đổi được ghi nhật ký không sửa được (chuỗi băm)"),
        _("tra cứu không cần đăng nhập chỉ cho biết trạng thái, không có dữ liệu cá nhân"),
        _("tệp chỉ tải được sau khi kiểm tra quyền"),
    ),
    risks=(
        _("giấy tờ tải lên có thể chứa dữ liệu nhạy cảm (sức khỏe, hôn nhân, tài chính)"),
        _("cán bộ xem hồ sơ không thuộc đơn vị mình"),
    ),
)

ASSISTED = Purpose(
    key="assisted",
    name=_("Đại sứ số khai giúp hồ sơ"),
    data=(
        _("họ tên, số định danh, số điện thoại hoặc thư điện tử của người nộp"),
        _("mã xác nhận gửi cho người nộp và thời điểm người nộp xác nhận"),
        _("ai đã khai giúp"),
    ),
    why=_(
        "Để đại sứ số khai giúp hồ sơ khi người nộp nhờ, và để chính người nộp xác nhận "
        "trước khi hồ sơ được nộp."
    ),
    basis=Basis.LAW,
    basis_text=_(
        "Như hồ sơ tự nộp: văn bản quy định thủ tục. Việc nhờ khai giúp do người nộp "
        "quyết định và được xác nhận bằng mã hoặc bằng tài khoản của chính họ."
    ),
    recipients=(
        _("Đại sứ số khai giúp: chỉ thấy trạng thái hồ sơ sau khi nộp, không thấy giấy tờ"),
        _("Cơ quan giải quyết thủ tục"),
    ),
    retention=(Kind.DRAFTS, Kind.CODES),
    kept=_("Sau khi nộp, được lưu cùng hồ sơ."),
    safeguards=(
        _("không nộp được nếu người nộp chưa xác nhận"),
        _("đại sứ số không xem được giấy tờ của hồ sơ đã nộp"),
    ),
    risks=(
        _("người khai giúp biết số định danh của người nộp"),
        _("người khai giúp thường là học sinh (trẻ em): hồ sơ ghi em bằng mã, không bằng tên"),
    ),
    children=True,
)

CAMPAIGN = Purpose(
    key="campaign",
    name=_("Chiến dịch “Đại sứ số” trong trường học"),
    data=(
        _("họ tên, lớp, năm sinh của học sinh"),
        _("họ tên và số điện thoại của cha mẹ hoặc người giám hộ"),
        _("ý kiến đồng ý của cha mẹ và của học sinh"),
        _("điểm danh buổi tập huấn, bài thực hành, tổ dân phố học sinh hỗ trợ"),
        _("số hồ sơ học sinh đã giúp nộp, để khen thưởng cuối năm"),
    ),
    why=_(
        "Tập huấn học sinh lớp 8 làm đại sứ số, để các em giúp gia đình dùng dịch vụ công, "
        "và đề nghị khen thưởng cuối năm học."
    ),
    basis=Basis.CONSENT,
    basis_text=_(
        "Sự đồng ý của cha mẹ hoặc người giám hộ, và của học sinh từ đủ 7 tuổi "
        "(Nghị định 13/2023/NĐ-CP, Điều 20). Đồng ý rút lại được bất cứ lúc nào."
    ),
    recipients=(
        _("Giáo viên phụ trách của nhà trường"),
        _("Phòng Giáo dục và Đào tạo"),
        _("UBND quận: danh sách đề nghị khen thưởng"),
    ),
    retention=(Kind.PRACTICE,),
    kept=_(
        "Dữ liệu của học sinh được xóa khi cha mẹ hoặc học sinh rút đồng ý hoặc đề nghị xóa; "
        "báo cáo chỉ giữ số liệu không định danh."
    ),
    safeguards=(
        _("chỉ giữ tối thiểu: họ tên, lớp, năm sinh, người giám hộ"),
        _("không cấp tài khoản đại sứ số khi chưa đủ ý kiến đồng ý"),
        _("nhà trường chỉ thấy học sinh của trường mình"),
        _("hồ sơ lưu lâu dài ghi học sinh bằng mã, không bằng tên"),
    ),
    risks=(
        _("dữ liệu của trẻ em bị dùng ngoài mục đích tập huấn"),
        _("học sinh bị gây áp lực phải giúp nộp hồ sơ để được khen thưởng"),
    ),
    children=True,
)

SECURITY = Purpose(
    key="security",
    name=_("An ninh hệ thống"),
    data=(
        _("địa chỉ mạng (IP), trang đã mở, thời điểm đăng nhập và thao tác"),
        _("số lần nhập sai mật khẩu hoặc mã xác nhận"),
    ),
    why=_("Phát hiện và ngăn truy cập trái phép, điều tra khi có sự cố."),
    basis=Basis.LAW,
    basis_text=_(
        "Luật An ninh mạng 2018 và Nghị định 53/2022/NĐ-CP (lưu nhật ký hệ thống); "
        "Luật An toàn thông tin mạng 2015."
    ),
    recipients=(_("Quản trị hệ thống của cơ quan"), _("Cơ quan có thẩm quyền khi có yêu cầu")),
    retention=(Kind.ACCESS_LOG, Kind.CODES, Kind.SESSIONS),
    kept=_("Không dùng cho mục đích khác."),
    safeguards=(
        _("nhật ký không chứa số định danh hay số điện thoại trong đường dẫn"),
        _("chỉ quản trị viên xem được"),
    ),
    risks=(_("nhật ký cho biết một người đã dùng dịch vụ lúc nào, từ đâu"),),
)

FEEDBACK = Purpose(
    key="feedback",
    name=_("Phản ánh, kiến nghị và lịch hẹn"),
    data=(
        _("họ tên, số điện thoại, thư điện tử của người phản ánh hoặc đặt lịch"),
        _("nội dung phản ánh và câu trả lời"),
    ),
    why=_("Tiếp nhận, trả lời phản ánh, kiến nghị; giữ chỗ khi bạn đặt lịch đến nộp hồ sơ."),
    basis=Basis.LAW,
    basis_text=_(
        "Nghị định 20/2008/NĐ-CP về tiếp nhận, xử lý phản ánh, kiến nghị; Nghị định 61/2018/NĐ-CP."
    ),
    recipients=(_("Cơ quan được phản ánh hoặc nơi bạn hẹn đến"),),
    retention=(Kind.NOTIFICATION_BODIES,),
    kept=_("Câu trả lời chỉ được công khai không kèm thông tin liên hệ, và chỉ khi bạn cho phép."),
    safeguards=(_("thông tin liên hệ không bao giờ được công khai"),),
    risks=(_("nội dung phản ánh có thể nhắc tới người thứ ba"),),
)

STAFF = Purpose(
    key="staff",
    name=_("Cán bộ xử lý và trách nhiệm giải trình"),
    data=(
        _("tài khoản, vai trò, đơn vị của cán bộ, giáo viên, quản trị viên"),
        _("ai đã làm gì với hồ sơ, lúc nào"),
    ),
    why=_("Phân quyền, và để biết ai chịu trách nhiệm từng bước xử lý hồ sơ."),
    basis=Basis.LAW,
    basis_text=_("Nghị định 61/2018/NĐ-CP (phiếu kiểm soát quá trình giải quyết hồ sơ)."),
    recipients=(_("Lãnh đạo đơn vị"), _("Người nộp: tên cán bộ trên phiếu kiểm soát")),
    retention=(Kind.SESSIONS, Kind.ACCESS_LOG),
    kept=_("Nhật ký xử lý được lưu cùng hồ sơ."),
    safeguards=(_("xác thực hai lớp cho cán bộ"), _("phiên làm việc tự hết khi không dùng")),
)

RIGHTS = Purpose(
    key="rights",
    name=_("Yêu cầu thực hiện quyền của chủ thể dữ liệu"),
    data=(
        _("yêu cầu của bạn (sửa, xoá, hạn chế, phản đối, rút lại đồng ý) và câu trả lời"),
        _("người nộp yêu cầu thay cho học sinh (cha mẹ, người giám hộ)"),
        _("ngày cán bộ mở hồ sơ của bạn, theo đơn vị và vai trò"),
    ),
    why=_("Trả lời yêu cầu của bạn đúng hạn, và cho bạn biết ai đã xem hồ sơ của bạn."),
    basis=Basis.LAW,
    basis_text=_("Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 (quyền của chủ thể dữ liệu)."),
    recipients=(_("Quản trị viên của cơ quan"), _("Nhà trường, với yêu cầu về học sinh")),
    retention=(Kind.ACCESS_LOG,),
    kept=_(
        "Lưu để chứng minh yêu cầu đã được trả lời; nội dung bạn viết bị xoá khi tài khoản bị xoá."
    ),
    safeguards=(
        _("chỉ người trả lời yêu cầu xem được"),
        _("tên cán bộ không hiện, chỉ đơn vị và vai trò"),
    ),
)

PURPOSES: tuple[Purpose, ...] = (
    ACCOUNT,
    DOSSIER,
    ASSISTED,
    CAMPAIGN,
    SECURITY,
    FEEDBACK,
    STAFF,
    RIGHTS,
)
BY_KEY: dict[str, Purpose] = {purpose.key: purpose for purpose in PURPOSES}
