"""What every endpoint shares: GET only, parameters checked first, then a conditional GET."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.utils import translation
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api.access import is_staff_client
from api.http import archive_version, not_modified, set_caching, set_validators
from api.params import NoQuery, StrictQuery
from articles.cache import cached, generation
from articles.derived.counts import ListedCounts


class ReadEndpoint(APIView):
    """A read-only endpoint.

    get() reads the parameters (400), prepare() looks up what they name (400, 404), then a
    client whose copy is current gets 304; only otherwise does build() do the work.
    """

    http_method_names = ["get", "head", "options"]
    query_class: type[StrictQuery] = NoQuery

    def dispatch(self, request, *args, **kwargs):
        # Messages of the API are English (field names too); the site itself speaks German.
        with translation.override("en"):
            return super().dispatch(request, *args, **kwargs)

    @cached_property
    def tallies(self) -> ListedCounts:
        # The generation first: every answer depends on it, and it tells the count tables
        # whether any item waits for its publish time (ListedCounts.scheduled).
        generation()
        return ListedCounts()

    @property
    def staff(self) -> bool:
        return is_staff_client(self.request)

    def get(self, request: Request, **kwargs) -> Response:
        params = self.query_class.read(request.query_params)
        state = self.prepare(params, **kwargs)
        version = archive_version(len(self.tallies.scheduled), self.staff)
        response = not_modified(request, version)
        if response is None:
            response = Response(self.answer(state, waiting=len(self.tallies.scheduled)))
        set_validators(response, version)
        set_caching(response, self.staff)
        return response

    def answer(self, state: Any, waiting: int) -> dict:
        """build(), kept per archive version for the public (as the site keeps its lists)."""
        if self.staff:
            return self.build(state)
        url = self.request.build_absolute_uri()
        return cached(f"api-{type(self).__name__}", (url, waiting), lambda: self.build(state))

    def prepare(self, params: dict, **kwargs) -> Any:
        return params

    def build(self, state: Any) -> dict:
        raise NotImplementedError

    @property
    def serializer_context(self) -> dict:
        return {"request": self.request, "staff": self.staff}
