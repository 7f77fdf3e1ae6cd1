"""The log of what gateways sent us: every IPN call and browser return."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping

from dichvucong.payments.constants import SUSPICIOUS
from dichvucong.payments.models import GatewayNotice, Payment

logger = logging.getLogger(__name__)

# A forger may send anything: the log keeps a bounded sample without
# control characters.
MAX_PARAMS = 40
MAX_VALUE = 300


def _printable(text: object) -> str:
    return re.sub(r"[\x00-\x1f\x7f]", "?", str(text))[:MAX_VALUE]


def log_notice(
    kind: str,
    params: Mapping[str, str],
    verdict: str,
    payment: Payment | None = None,
    rsp_code: str = "",
) -> GatewayNotice:
    """Keep the call; tell the operators about forged or tampered ones.
    The log line names only the order reference and the verdict."""
    kept = {
        _printable(key)[:60]: _printable(value) for key, value in list(params.items())[:MAX_PARAMS]
    }
    txn_ref = _printable(params.get("vnp_TxnRef", ""))[:100]
    if verdict in SUSPICIOUS:
        logger.warning("payments: %s refused (%s) for order %r", kind, verdict, txn_ref[:30])
    return GatewayNotice.objects.create(
        kind=kind, txn_ref=txn_ref, payment=payment, params=kept, verdict=verdict, rsp_code=rsp_code
    )
