"""An upload handler that stops reading a file past the size limit, so a
public form cannot be used to fill the disk with temporary files."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadhandler import FileUploadHandler, StopUpload


class SizeLimitHandler(FileUploadHandler):
    """First in the chain: passes chunks on until `limit` bytes, then stops
    the upload (the rest of the body is read and thrown away, so the client
    still gets the page) and remembers that the file was too large."""

    def __init__(self, request: Any, limit: int) -> None:
        super().__init__(request)
        self.limit = limit
        self.too_large = False

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        if start + len(raw_data) > self.limit:
            self.too_large = True
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handler in the chain builds the file
