"""The production settings the cluster test's servers and worker run on
(not settings_test, whose local disk would hide the bucket), with a Celery
queue of the test's own, so that runs sharing a broker never take each
other's tasks."""

import os

from dichvucong.settings import *  # noqa: F403

CELERY_TASK_DEFAULT_QUEUE = os.environ["CLUSTER_CELERY_QUEUE"]
