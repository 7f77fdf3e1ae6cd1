import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dichvucong.settings")
application = get_wsgi_application()

# gunicorn runs no system checks: refuse the unsafe embedded defaults here,
# so a worker never serves with them unless they are allowed (core/checks.py).
from dichvucong.core.checks import refuse_unsafe_defaults  # noqa: E402

refuse_unsafe_defaults()
