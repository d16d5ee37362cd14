"""From validated parameters to the items the public may see, through the site's query layer.

- visibility: Article.objects.listed() (published, publish time come, more than a teaser);
- keyword, person, source and the date range are checked as the timeline checks them
  (articles/filters.py: only values that listed items use, the dates in order);
- the search query, the facets and the relevance order come from articles/search.py, the
  same functions and the same cache as the results page /suche/;
- totals come from the tallies (articles/tallies.py) wherever they cover the selection.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import QuerySet
from rest_framework.exceptions import ValidationError

from articles import search
from articles.cache import cached
from articles.filters import TimelineFilterForm
from articles.models import Article
from articles.tallies import Tallies

# API parameter → the name the timeline form and the search's narrowed() use.
TIMELINE_NAMES = {"keyword": "stichwort", "person": "person", "source": "quelle",
                  "from": "von", "to": "bis"}  # fmt: skip
SEARCH_NAMES = {**TIMELINE_NAMES, "kind": "art", "year": "jahr"}
SELECTING = ("q", *SEARCH_NAMES)


@dataclass(frozen=True)
class Total:
    value: int
    exact: bool = True
    estimate: int | None = None


@dataclass
class Selection:
    """The listed items one request selects (before sorting and paging)."""

    params: dict
    tallies: Tallies
    form: TimelineFilterForm | None
    parsed: search.ParsedQuery | None
    notices: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple:
        """What identifies the selection in caches and cursors."""
        return tuple(sorted((name, str(self.params[name])) for name in SELECTING
                            if name in self.params))  # fmt: skip

    @property
    def waiting(self) -> int:
        return len(self.tallies.scheduled)

    @cached_property
    def filtered(self) -> QuerySet[Article]:
        """Listed items narrowed by every filter, without the search query."""
        data = {SEARCH_NAMES[name]: self.params[name] for name in SEARCH_NAMES
                if name in self.params}  # fmt: skip
        return search.narrowed(Article.objects.listed(), data)

    @property
    def matching(self) -> QuerySet[Article]:
        """The selected items, unordered."""
        if self.parsed is None:
            return self.filtered
        return search.matching(self.filtered, self.parsed.text)

    def results(self) -> search.Results:
        """The search's matches in relevance order with total and facets (cached)."""
        return cached(
            "api-search",
            (self.key, self.waiting),
            lambda: search.run(self.filtered, self.parsed, by_date=False),
        )

    def total(self) -> Total:
        if self.parsed is not None:
            total = self.results().total
            return Total(total.value, total.exact, total.estimate)
        if "kind" in self.params:
            scope = None
        else:
            scope = self.form.tally_scope() if self.form is not None else {}
        if scope is not None:
            periods = self.tallies.periods(**scope)
            year = self.params.get("year")
            return Total(sum(n for (y, _), n in periods.items() if year is None or y == year))
        return Total(cached("api-count", (self.key, self.waiting), self.filtered.count))


def select(params: dict, tallies: Tallies | None = None) -> Selection:
    """Check the filters against what the public may see; 400 for what does not exist."""
    tallies = tallies or Tallies()
    data = {TIMELINE_NAMES[name]: str(params[name]) for name in TIMELINE_NAMES if name in params}
    form = None
    if data:  # (an unbound form would still read every public choice)
        form = TimelineFilterForm(data, tallies=tallies)
        if not form.is_valid():
            raise ValidationError(_timeline_errors(form, params))
    parsed, notices = None, []
    if params.get("q", "").strip():
        parsed = search.parse(params["q"])
        notices = list(parsed.notices)
        if not parsed:
            raise ValidationError({"q": ["The query has no search term, only operators."]})
    return Selection(params=params, tallies=tallies, form=form, parsed=parsed, notices=notices)


def _timeline_errors(form: TimelineFilterForm, params: dict) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for name, form_name in TIMELINE_NAMES.items():
        if form_name in form.errors:
            if name in ("keyword", "person", "source"):
                message = f"Unknown {name} {params[name]!r}: no public item has it."
            else:
                message = "Not a valid date (YYYY-MM-DD)."
            errors[name] = [message]
    if form.non_field_errors():
        errors["to"] = ["`to` lies before `from`."]
    return errors
