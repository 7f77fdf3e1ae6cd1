from __future__ import annotations

from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "dichvucong.feedback"
    label = "feedback"
    verbose_name = "Đánh giá và phản ánh, kiến nghị"
