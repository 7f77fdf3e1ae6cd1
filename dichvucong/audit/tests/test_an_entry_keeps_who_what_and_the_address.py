from django.test import RequestFactory, override_settings

from dichvucong.audit import service
from dichvucong.audit.constants import Action
from dichvucong.audit.models import AuditEntry


def test_an_entry_keeps_who_what_and_the_address(cast):
    request = RequestFactory().get("/mot-cua/", REMOTE_ADDR="192.0.2.7")
    request.user = cast.receptionist_a
    service.record(Action.STAFF_ACTION, "Tiếp nhận hồ sơ", request=request, target="X-1")
    entry = AuditEntry.objects.get()
    assert entry.actor == cast.receptionist_a
    assert entry.actor_label == cast.receptionist_a.username
    assert (entry.address, entry.path, entry.target) == ("192.0.2.7", "/mot-cua/", "X-1")


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_our_proxy_the_forwarded_address_is_kept(db):
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1",
                                   HTTP_X_FORWARDED_FOR="203.0.113.9")
    entry = service.record(Action.LOGIN_FAILED, "Sai mật khẩu", request=request)
    assert entry.address == "203.0.113.9"
    assert entry.actor is None


def test_an_address_that_is_not_an_ip_is_left_empty(db):
    request = RequestFactory().get("/", REMOTE_ADDR="not-an-ip")
    assert service.record(Action.LOGOUT, "x", request=request).address is None
