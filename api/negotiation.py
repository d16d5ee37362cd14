"""Every API view answers in its own format (JSON), whatever the client's Accept header says."""

from __future__ import annotations

from rest_framework.negotiation import BaseContentNegotiation


class JsonOnly(BaseContentNegotiation):
    """The view's first renderer, always: no 406 for clients that ask for text/html."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type
