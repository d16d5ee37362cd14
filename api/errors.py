"""One JSON error shape for every API answer that is not a success, never an HTML page.

{"status": 400, "error": "invalid_parameters", "message": "…", "fields": {"year": ["…"]}}
"""

from __future__ import annotations

import logging
import math

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, JsonResponse
from rest_framework import exceptions, serializers
from rest_framework.response import Response

logger = logging.getLogger(__name__)

_CODES = {
    400: "invalid_parameters",
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    429: "too_many_requests",
    500: "server_error",
}


class ErrorSerializer(serializers.Serializer):
    """What an API error looks like (for the schema)."""

    status = serializers.IntegerField(help_text="The HTTP status code.")
    error = serializers.ChoiceField(
        choices=sorted(set(_CODES.values())), help_text="A stable machine-readable code."
    )
    message = serializers.CharField(help_text="What went wrong, in English.")
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="For invalid parameters: the parameter names with what is wrong with each.",
    )


def error_body(status: int, message: str, fields: dict | None = None) -> dict:
    body = {"status": status, "error": _CODES.get(status, "error"), "message": message}
    if fields:
        body["fields"] = fields
    return body


def _field_messages(detail) -> dict[str, list[str]]:
    if isinstance(detail, dict):
        return {
            str(key): [str(item) for item in (value if isinstance(value, list) else [value])]
            for key, value in detail.items()
        }
    items = detail if isinstance(detail, list) else [detail]
    return {"non_field_errors": [str(item) for item in items]}


def exception_handler(exc: Exception, context: dict) -> Response | None:
    """REST framework's exception handler, with the shape above and a 500 as JSON too."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound("No such resource (or it is not public).")
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    headers = {}
    if isinstance(exc, exceptions.ValidationError):
        status = 400
        body = error_body(status, "Invalid query parameters.", _field_messages(exc.detail))
    elif isinstance(exc, exceptions.Throttled):
        status = 429
        wait = max(1, math.ceil(exc.wait or 1))
        headers["Retry-After"] = str(wait)
        body = error_body(status, f"Too many requests; try again in {wait} seconds.")
    elif isinstance(exc, exceptions.APIException):
        status = exc.status_code
        body = error_body(status, str(exc.detail))
        if getattr(exc, "auth_header", None):
            headers["WWW-Authenticate"] = exc.auth_header
    else:
        logger.exception("api: unhandled error", exc_info=exc)
        status = 500
        body = error_body(status, "Internal error.")
    response = Response(body, status=status, headers=headers)
    response["Cache-Control"] = "no-store"
    return response


def not_found(request: HttpRequest, path: str = "") -> JsonResponse:
    """Any address under /api/ that names no endpoint."""
    response = JsonResponse(error_body(404, "No such endpoint. See /api/v1/docs/."), status=404)
    response["Cache-Control"] = "no-store"
    return response
