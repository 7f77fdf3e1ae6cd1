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
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

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
        return response
