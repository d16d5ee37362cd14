"""One address per page: queries under older names or with page numbers that do not exist are
redirected to the page a reader most likely wanted.

- ?page=2, ?sort=datum, ?art=press_release (the names before articles/params.py): 301 to the
  same page under today's names;
- ?seite=abc, ?seite=-1, ?seite=0: 302 to the first page; ?seite=99 past the last page: 302 to
  the last one (a temporary redirect: the archive grows, and page 99 may exist tomorrow).
"""

from __future__ import annotations

import re

from django.http import HttpRequest, HttpResponseRedirect, QueryDict

from articles.params import PAGE, current_query

_NUMBER = re.compile(r"[0-9]+")


class PageMoved(Exception):
    """Raised while a page is built when its address should be another one."""

    def __init__(self, url: str, permanent: bool = False) -> None:
        super().__init__(url)
        self.url = url
        self.permanent = permanent


def address(request: HttpRequest, query: QueryDict) -> str:
    return request.path + (f"?{query.urlencode()}" if query else "")


def page_to_show(raw: str | None, last: int) -> int | None:
    """The page to redirect ?seite=raw to, or None when raw names an existing page as it is."""
    if raw is None:
        return None
    if _NUMBER.fullmatch(raw):
        # More digits than any page count: past the end, without converting a huge number.
        number = int(raw) if len(raw) < 10 else last
        target = min(max(number, 1), max(last, 1))
    else:
        target = 1
    return None if str(target) == raw else target


class CanonicalQuery:
    """For views that read the public query: redirect older names and missing page numbers."""

    def dispatch(self, request, *args, **kwargs):
        if request.method in ("GET", "HEAD"):
            query = current_query(request.GET)
            if query is not None:
                return HttpResponseRedirect(address(request, query), status=301)
        try:
            return super().dispatch(request, *args, **kwargs)
        except PageMoved as moved:
            return HttpResponseRedirect(moved.url, status=301 if moved.permanent else 302)

    def page_number(self, last: int) -> int:
        """The number of ?seite= if that page exists (1 without it); else PageMoved."""
        raw = self.request.GET.get(PAGE)
        target = page_to_show(raw, last)
        if target is None:
            return int(raw or 1)
        query = self.request.GET.copy()
        if target == 1:
            query.pop(PAGE)
        else:
            query[PAGE] = str(target)
        raise PageMoved(address(self.request, query))
