"""Who may see the staff-only fields: the same people who may search drafts on the site."""

from __future__ import annotations

from articles.views.search import is_staff_searcher


def is_staff_client(request) -> bool:
    """A staff session or token whose user holds articles.view_article (Recherche, Redaktion)."""
    user = getattr(request, "user", None)
    return user is not None and is_staff_searcher(user)
