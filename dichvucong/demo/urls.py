from django.urls import path

from dichvucong.demo import views

app_name = "demo"
# The stand-in national e-ID provider; its paths are under its issuer,
# client.DEMO_PATH.
VNEID_ENDPOINTS = (
    "/.well-known/openid-configuration",
    "/authorize",
    "/token",
    "/jwks",
    "/userinfo",
)
urlpatterns = [
    path("", views.demo_page, name="page"),
    *(
        path(f"vneid{endpoint}", views.vneid_standin, {"endpoint": endpoint})
        for endpoint in VNEID_ENDPOINTS
    ),
]
