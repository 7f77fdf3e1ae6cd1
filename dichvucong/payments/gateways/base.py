"""What the payment pages need from an online gateway.

A gateway sends the citizen's browser to its own payment page and later
tells us the outcome in signed parameters (its server-to-server
notification, and the browser's return). The pages and the notification
handler depend only on this interface."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from dichvucong.payments.models import Payment


class PaymentGateway(Protocol):
    # Stored on Payment.gateway: which gateway the payment was sent to.
    name: str

    def payment_url(self, payment: Payment, client_ip: str, return_url: str) -> str:
        """The gateway page to send the browser to, with the signed order."""
        ...

    def verify(self, params: Mapping[str, str]) -> bool:
        """True when `params` carry a valid signature of ours."""
        ...
