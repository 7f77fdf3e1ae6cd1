from dichvucong.celery import app as celery_app  # noqa: F401  (@shared_task binds to it)
