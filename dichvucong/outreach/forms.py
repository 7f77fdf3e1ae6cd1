"""Forms of the outreach pages. Choices are limited to what the user's
scope allows (access.py), so a posted id outside it is simply invalid."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dichvucong.catalogue.models import AdminUnit, Agency
from dichvucong.outreach import access, materials, practice, roster
from dichvucong.outreach.constants import ConsentGiver, ConsentMethod, MaterialKind
from dichvucong.outreach.models import (
    Campaign,
    Material,
    MaterialVersion,
    School,
    SchoolClass,
    TrainingSession,
)
from dichvucong.outreach.schoolyear import school_year_of, start_year

DATE_HELP = _("Ngày/tháng/năm, ví dụ 01/03/2017.")


def date_input() -> forms.DateInput:
    return forms.DateInput(
        format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"}
    )


def time_input() -> forms.TimeInput:
    return forms.TimeInput(format="%H:%M", attrs={"placeholder": "hh:mm", "inputmode": "numeric"})


class CampaignForm(forms.ModelForm):
    class Meta:
        model = Campaign
        fields = [
            "title",
            "lead_agency",
            "approved_by",
            "start_date",
            "end_date",
            "target_grade",
            "schools",
            "goals",
            "target_pupils",
            "success_rule",
        ]
        widgets = {
            "start_date": date_input(),
            "end_date": date_input(),
            "schools": forms.CheckboxSelectMultiple,
            "goals": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {"start_date": DATE_HELP, "end_date": DATE_HELP}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        scope = access.scope_for(user)
        self.fields["lead_agency"].queryset = Agency.objects.filter(
            pk__in=scope.education_agency_ids
        )
        self.fields["schools"].queryset = access.writable_schools_for(user)


class MaterialVersionForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp"),
        help_text=_("PDF, Word, PowerPoint, OpenDocument hoặc video MP4/WebM, tối đa 200 MB."),
    )
    note = forms.CharField(label=_("Ghi chú thay đổi"), max_length=300, required=False)

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        try:
            materials.checked_file(upload)
        except materials.MaterialFileError as error:
            raise forms.ValidationError(str(error)) from None
        return upload


class MaterialForm(MaterialVersionForm):
    title = forms.CharField(label=_("Tên tài liệu"), max_length=300)
    kind = forms.ChoiceField(label=_("Loại"), choices=MaterialKind.choices)
    description = forms.CharField(
        label=_("Mô tả"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    field_order = ["title", "kind", "description", "file", "note"]

    def __init__(self, *args: Any, campaign: Campaign, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.campaign = campaign

    def clean_title(self) -> str:
        title = " ".join(self.cleaned_data["title"].split())
        if Material.objects.filter(campaign=self.campaign, title__iexact=title).exists():
            raise forms.ValidationError(
                _(
                    "Chiến dịch đã có tài liệu tên này; hãy tải phiên "
                    "bản mới ở trang của tài liệu đó."
                )
            )
        return title


class SchoolClassForm(forms.ModelForm):
    class Meta:
        model = SchoolClass
        fields = ["school", "name", "school_year", "grade"]
        help_texts = {"name": _("Ví dụ 8A1."), "school_year": _("Ví dụ 2016-2017.")}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        schools = access.writable_schools_for(user)
        self.fields["school"].queryset = schools
        if len(schools) == 1:
            self.fields["school"].initial = schools[0].pk
        self.fields["school_year"].initial = school_year_of(timezone.localdate())

    def clean_name(self) -> str:
        return " ".join(self.cleaned_data["name"].split()).upper()

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        school, name, year = data.get("school"), data.get("name"), data.get("school_year")
        if school and name and year:
            same = SchoolClass.objects.filter(school=school, school_year=year)
            if any(roster.class_key(c.name) == roster.class_key(name) for c in same):
                self.add_error(
                    "name", _("Trường đã có lớp này trong năm học %(year)s.") % {"year": year}
                )
        return data


class SessionForm(forms.Form):
    school = forms.ModelChoiceField(label=_("Trường"), queryset=School.objects.none())
    day = forms.DateField(label=_("Ngày"), widget=date_input(), help_text=DATE_HELP)
    start = forms.TimeField(label=_("Bắt đầu"), widget=time_input(), help_text=_("Ví dụ 08:00."))
    end = forms.TimeField(label=_("Kết thúc"), widget=time_input(), help_text=_("Ví dụ 10:00."))
    place = forms.CharField(label=_("Địa điểm"), max_length=200)
    presenters = forms.CharField(
        label=_("Báo cáo viên"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    classes = forms.ModelMultipleChoiceField(
        label=_("Lớp tham dự"),
        queryset=SchoolClass.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    materials = forms.ModelMultipleChoiceField(
        label=_("Tài liệu sử dụng"),
        required=False,
        queryset=MaterialVersion.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, user: Any, campaign: Campaign, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.campaign = campaign
        schools = access.writable_schools_for(user).filter(campaigns=campaign)
        self.fields["school"].queryset = schools
        self.fields["classes"].queryset = (
            SchoolClass.objects.filter(school__in=schools, school_year=campaign.school_year)
            .select_related("school")
            .order_by("school__name", "name")
        )
        self.fields["classes"].label_from_instance = lambda c: f"{c.name} – {c.school.name}"
        self.fields["materials"].queryset = (
            MaterialVersion.objects.filter(material__campaign=campaign)
            .select_related("material")
            .order_by("material__title", "-number")
        )
        self.fields["materials"].label_from_instance = lambda v: (
            _("%(title)s (phiên bản %(number)s)") % {"title": v.material.title, "number": v.number}
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        day, start, end = data.get("day"), data.get("start"), data.get("end")
        if start and end and end <= start:
            self.add_error("end", _("Giờ kết thúc phải sau giờ bắt đầu."))
        if day and not self.campaign.start_date <= day <= self.campaign.end_date:
            self.add_error(
                "day",
                _("Buổi tuyên truyền phải trong thời gian của chiến dịch (%(start)s – %(end)s).")
                % {
                    "start": f"{self.campaign.start_date:%d/%m/%Y}",
                    "end": f"{self.campaign.end_date:%d/%m/%Y}",
                },
            )
        school = data.get("school")
        if school and any(c.school_id != school.pk for c in data.get("classes", [])):
            self.add_error(
                "classes", _("Chỉ chọn các lớp của trường %(school)s.") % {"school": school.name}
            )
        return data

    @classmethod
    def initial_for(cls, session: TrainingSession) -> dict[str, Any]:
        starts, ends = timezone.localtime(session.starts_at), timezone.localtime(session.ends_at)
        return {
            "school": session.school_id,
            "day": starts.date(),
            "start": starts.time(),
            "end": ends.time(),
            "place": session.place,
            "presenters": session.presenters,
            "classes": list(session.classes.all()),
            "materials": list(session.materials.all()),
        }

    def save(self, session: TrainingSession | None = None) -> TrainingSession:
        data = self.cleaned_data
        session = session or TrainingSession(campaign=self.campaign)
        session.school = data["school"]
        session.starts_at = _moment(data["day"], data["start"])
        session.ends_at = _moment(data["day"], data["end"])
        session.place, session.presenters = data["place"], data["presenters"]
        session.save()
        session.classes.set(data["classes"])
        session.materials.set(data["materials"])
        return session


def _moment(day: Any, time: Any) -> datetime:
    return timezone.make_aware(datetime.combine(day, time))


class RosterUploadForm(forms.Form):
    """A school's coordinator imports for their school (the school is
    required, a campaign optional); the education office imports for a
    campaign's schools or for one school, so it chooses at least one of
    the two: the rule is said once, in the help text, and neither field is
    marked optional (`one_of_two`, read by _form.html)."""

    file = forms.FileField(label=_("Tệp danh sách (.xlsx hoặc .csv)"))
    campaign = forms.ModelChoiceField(
        label=_("Chiến dịch"),
        queryset=Campaign.objects.none(),
        required=False,
        empty_label=_("— Không chọn —"),
    )
    school = forms.ModelChoiceField(label=_("Trường"), queryset=School.objects.none())
    school_year = forms.CharField(
        label=_("Năm học"),
        max_length=9,
        required=False,
        help_text=_("Ví dụ 2016-2017. Để trống: năm học của chiến dịch, hoặc năm học hiện tại."),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        schools: QuerySet[School] = access.writable_schools_for(user)
        self.fields["campaign"].queryset = access.campaigns_for(user)
        self.managed = access.managed_campaigns_for(user)
        self.campaign_wide = self.managed.exists()
        school = self.fields["school"]
        school.queryset = schools
        if self.campaign_wide:
            school.required = False
            for name in ("campaign", "school"):
                self.fields[name].one_of_two = True  # type: ignore[attr-defined]
            school.empty_label = _("— Tất cả các trường của chiến dịch —")
            self.fields["campaign"].help_text = _(
                "Chọn ít nhất một trong hai mục Chiến dịch và Trường: chỉ chọn chiến dịch "
                "để nhập cho mọi trường của chiến dịch; chọn trường để nhập cho riêng trường đó."
            )
        else:
            school.error_messages["required"] = _("Chọn trường của thầy cô.")
            school.empty_label = None if len(schools) == 1 else _("— Chọn trường —")
            self.fields["campaign"].help_text = _(
                "Chọn nếu danh sách dùng cho một chiến dịch: năm học lấy theo chiến dịch."
            )
        if len(schools) == 1:
            school.initial = schools[0].pk

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        name = (upload.name or "").lower()
        if not name.endswith(roster.EXTENSIONS):
            raise forms.ValidationError(_("Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv)."))
        if upload.size > roster.MAX_FILE_BYTES:
            raise forms.ValidationError(_("Tệp quá lớn: tối đa 10 MB."))
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        school, campaign = data.get("school"), data.get("campaign")
        if "school" in self.errors:
            pass  # required, or not one of the user's schools: said already
        elif school is None and campaign is None:
            self.add_error(
                "school",
                _("Chọn trường, hoặc chọn chiến dịch để nhập cho các trường của chiến dịch."),
            )
        elif school is None and not self.managed.filter(pk=campaign.pk).exists():
            # Importing for every school of a campaign is the education
            # office's work; a school imports its own list.
            self.add_error("school", _("Chọn trường của thầy cô."))
        if school and campaign and not campaign.schools.filter(pk=school.pk).exists():
            self.add_error("school", _("Trường này không tham gia chiến dịch đã chọn."))
        data["school_year"] = self._school_year(data.get("school_year") or "", campaign)
        return data

    def _school_year(self, text: str, campaign: Campaign | None) -> str:
        if not text.strip():
            return campaign.school_year if campaign else school_year_of(timezone.localdate())
        try:
            start_year(text)
        except ValueError:
            self.add_error("school_year", _("Năm học viết dạng 2016-2017."))
        return text.strip()


class AmbassadorGroupForm(forms.Form):
    group = forms.ModelChoiceField(
        label=_("Tổ dân phố học sinh hỗ trợ"),
        queryset=AdminUnit.objects.none(),
        empty_label=_("— Chọn tổ dân phố —"),
    )

    def __init__(self, *args: Any, school: School, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        groups = practice.ambassador_groups(school).select_related("parent")
        self.fields["group"].queryset = groups.order_by("parent__name", "name", "pk")
        self.fields["group"].label_from_instance = _group_label


def _group_label(group: AdminUnit) -> str:
    return f"{group.name}, {group.parent.name}" if group.parent else group.name


class ConsentForm(forms.Form):
    giver = forms.ChoiceField(
        label=_("Người cho ý kiến"), choices=ConsentGiver.choices, widget=forms.RadioSelect
    )
    given = forms.TypedChoiceField(
        label=_("Ý kiến"),
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        choices=[("yes", _("Đồng ý")), ("no", _("Không đồng ý hoặc rút lại đồng ý"))],
    )
    method = forms.ChoiceField(label=_("Hình thức"), choices=ConsentMethod.choices)
    note = forms.CharField(label=_("Ghi chú"), max_length=300, required=False)
