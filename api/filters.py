"""From validated parameters to the items the public may see, through the site's query layer.

- visibility: Article.objects.listed() (published, publish time come, more than a teaser);
- keyword, person and source must be ones that listed items have, as in the timeline's
  filters (articles/filters.py); checked one value at a time here (an EXISTS query), since
  the timeline's form reads every public keyword, person and source (about 30 ms at
  100,000 items when the archive has just changed);
- the search query, the facets and the relevance order come from articles/search.py, the
  same functions and the same cache as the results page /suche/;
- totals come from the tallies (articles/derived/counts.py) wherever they cover the selection.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Exists, Model, OuterRef, QuerySet
from rest_framework.exceptions import ValidationError

from articles import search
from articles.cache import cached
from articles.derived.counts import ListedCounts
from articles.models import Article, Keyword, Mention, Person, Source, TaggedArticle
from articles.search import Total

# API parameter → the name the site's forms and the search's narrowed() use.
TIMELINE_NAMES = {"keyword": "stichwort", "person": "person", "source": "quelle",
                  "from": "von", "to": "bis"}  # fmt: skip
SEARCH_NAMES = {**TIMELINE_NAMES, "kind": "art", "year": "jahr"}
SELECTING = ("q", *SEARCH_NAMES)


@dataclass
class Selection:
    """The listed items one request selects (before sorting and paging)."""

    params: dict
    tallies: ListedCounts
    named: dict[str, Model]  # the keyword, person and source filters' rows
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
            return self.results().total
        # The tallies count per keyword, person or source, one at a time (as the timeline).
        if len(self.named) <= 1 and not {"kind", "from", "to"} & self.params.keys():
            periods = self.tallies.periods(**self.named)
            year = self.params.get("year")
            return Total(sum(n for (y, _), n in periods.items() if year is None or y == year))
        return Total(cached("api-count", (self.key, self.waiting), self.filtered.count))


def select(params: dict, tallies: ListedCounts | None = None) -> Selection:
    """Check the filters against what the public may see; 400 for what does not exist."""
    named, errors = {}, {}
    for name in ("keyword", "person", "source"):
        if name in params:
            row = public_value(name, params[name])
            if row is None:
                errors[name] = [f"Unknown {name} {params[name]!r}: no public item has it."]
            named[name] = row
    if errors:
        raise ValidationError(errors)
    parsed, notices = None, []
    if params.get("q", "").strip():
        parsed = search.parse(params["q"])
        notices = list(parsed.notices)
        if not parsed:
            raise ValidationError({"q": ["The query has no search term, only operators."]})
    return Selection(
        params=params,
        tallies=tallies or ListedCounts(),
        named=named,
        parsed=parsed,
        notices=notices,
    )


def public_value(name: str, slug: str) -> Model | None:
    """The keyword, person or source with this slug if a listed item has it."""
    listed = Article.objects.listed()
    if name == "keyword":
        model = Keyword
        used = TaggedArticle.objects.filter(tag=OuterRef("pk"), content_object__in=listed)
    elif name == "person":
        model = Person
        used = Mention.objects.filter(person=OuterRef("pk"), article__in=listed)
    else:
        model = Source
        used = listed.filter(source=OuterRef("pk"))
    return model.objects.filter(Exists(used), slug=slug).first()
