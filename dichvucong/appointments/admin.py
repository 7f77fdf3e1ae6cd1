from django.contrib import admin

from dichvucong.appointments.models import Booking, Slot


@admin.register(Slot)
class SlotAdmin(admin.ModelAdmin):
    list_display = ["agency", "weekday", "start", "duration_minutes", "capacity", "is_active"]
    list_filter = ["agency", "weekday", "is_active"]


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    list_display = ["code", "agency", "day", "slot", "status"]
    list_filter = ["status", "agency"]
    readonly_fields = ["code", "citizen", "slot", "agency", "day", "seat", "procedure"]
    search_fields = ["code"]
