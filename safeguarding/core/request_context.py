"""The current request's id, available to logging and audit without passing the request around."""

import contextvars

current_request_id = contextvars.ContextVar("current_request_id", default="-")
