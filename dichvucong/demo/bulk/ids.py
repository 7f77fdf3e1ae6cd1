"""Ids handed out before writing, so rows can point at each other (and the
event hashes, which cover the dossier id, can be computed) without reading
anything back. The generator is the only writer while it runs."""

from __future__ import annotations

from django.db.models import Max, Model


class Ids:
    def __init__(self) -> None:
        self._next: dict[type[Model], int] = {}

    def take(self, model: type[Model], count: int = 1) -> range:
        """`count` fresh ids for `model`, after every row already there."""
        if model not in self._next:
            self._next[model] = (model._default_manager.aggregate(m=Max("pk"))["m"] or 0) + 1
        first = self._next[model]
        self._next[model] = first + count
        return range(first, first + count)

    def one(self, model: type[Model]) -> int:
        return self.take(model)[0]
