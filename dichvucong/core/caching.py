"""Private unless public: `Cache-Control: private, no-store` on every
response that is not a public page asked for anonymously.

A browser or proxy must never keep a page or file with personal data: a
dossier, a slip, a lookup result, a pupil's roster, an API answer. Rather
than mark each such view (and miss the next one), every response is private
by default, and only the views listed here, which show the same public
information to everyone, may be cached, and only when the request carries
no login and no API key. A new view is private until it is added here.
Static files are served before this middleware (WhiteNoise) with their own
long cache headers.

The public pages in PAGE_AREAS are also kept in the shared cache and
answer conditional requests (dichvucong/public_pages.py): `process_view`
runs after the session, language and user are known, whatever this
middleware's place in the list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

from dichvucong import public_pages
from dichvucong.public_pages import CATALOGUE, STATISTICS

# URL names (namespace:name) of the pages and API operations that hold
# public information only: the catalogue, the public statistics and open
# data, published answers to feedback, the API's description.
PUBLIC_VIEWS = frozenset(
    {
        "core:home",
        "catalogue:list",
        "catalogue:detail",
        "catalogue:document_template",
        "reports:public",
        "reports:open_data_csv",
        "reports:open_data_json",
        "feedback:public_list",
        "api-v1:api-root",
        "api-v1:openapi-json",
        "api-v1:list_procedures",
        "api-v1:get_procedure",
        "api-v1:public_table",
        "api-v1:public_indicators",
    }
)
# The public pages kept in the shared cache, and the data each one shows:
# a change to that data makes the next request build it afresh.
PAGE_AREAS: dict[str, tuple[str, ...]] = {
    "core:home": (CATALOGUE,),
    "catalogue:list": (CATALOGUE,),
    "catalogue:detail": (CATALOGUE,),
    "api-v1:list_procedures": (CATALOGUE,),
    "api-v1:get_procedure": (CATALOGUE,),
    # Statistics name agencies, units and procedures too.
    "reports:public": (CATALOGUE, STATISTICS),
    "reports:open_data_csv": (CATALOGUE, STATISTICS),
    "reports:open_data_json": (CATALOGUE, STATISTICS),
    "api-v1:public_table": (CATALOGUE, STATISTICS),
    "api-v1:public_indicators": (CATALOGUE, STATISTICS),
}
CREDENTIAL_HEADERS = ("Authorization", "X-API-Key")


def is_public(request: HttpRequest) -> bool:
    match = getattr(request, "resolver_match", None)
    if match is None or match.view_name not in PUBLIC_VIEWS:
        return False
    if any(header in request.headers for header in CREDENTIAL_HEADERS):
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


class PrivateUnlessPublicMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not is_public(request):
            patch_cache_control(response, private=True, no_store=True)
        else:
            public_pages.keep(request, response)
        return response

    def process_view(self, request: HttpRequest, *args: Any) -> HttpResponse | None:
        areas = PAGE_AREAS.get(getattr(request.resolver_match, "view_name", ""))
        if areas is None or not public_pages.takes_part(request) or not is_public(request):
            return None
        return public_pages.answer(request, areas)
