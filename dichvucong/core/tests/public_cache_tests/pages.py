"""The public pages kept in the shared cache, as paths to ask for. Test code only."""

from __future__ import annotations

from dichvucong.dossiers.testing import Cast

API = "/api/v1"


def public_paths(cast: Cast) -> dict[str, str]:
    """Every view of core/caching.PAGE_AREAS, by name."""
    code = cast.procedure.code
    return {
        "core:home": "/",
        "catalogue:list": "/thu-tuc/?q=khai+sinh",
        "catalogue:detail": f"/thu-tuc/{code}/",
        "api-v1:list_procedures": f"{API}/catalogue/procedures?q=khai",
        "api-v1:get_procedure": f"{API}/catalogue/procedures/{code}",
        "reports:public": "/thong-ke/",
        "reports:open_data_csv": "/du-lieu-mo/thong-ke.csv",
        "reports:open_data_json": "/du-lieu-mo/thong-ke.json",
        "api-v1:public_table": f"{API}/statistics/public/tables?dimension=agency",
        "api-v1:public_indicators": f"{API}/statistics/public/indicators",
    }
