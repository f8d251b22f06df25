import logging

from .request_context import current_request_id


class RequestIdFilter(logging.Filter):
    """Adds the id of the request being served (or "-") to every log record."""

    def filter(self, record):
        record.request_id = current_request_id.get()
        return True
