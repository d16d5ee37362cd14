"""From validated parameters to the items the public may see, through the site's query layer.

- visibility: Article.objects.listed() (published, publish time come, more than a teaser);
- keyword, person and source must be ones that listed items have, as in the timeline's
  filters (articles/filters.py); checked one value at a time here, each row read with its
  figure in the count tables (one query; less its scheduled items), since the
  timeline's form reads every public keyword, person and source (about 30 ms at 100,000
  items when the archive has just changed);
- the filters narrow as articles/search.py's narrowed() does, by the ids of the rows just
  checked (narrowed() would look each slug up again);
- the search query, the facets and the relevance order come from articles/search.py, the
  same functions as the results page /suche/;
- totals come from the tallies wherever they cover the selection.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import BooleanField, Exists, F, Func, Model, OuterRef, QuerySet, Subquery, Sum
from rest_framework.exceptions import ValidationError

from articles import search
from articles.cache import cached
from articles.derived.counts import ListedCounts
from articles.derived.tables import KeywordPairCount, PeriodCount, PersonPairCount
from articles.models import Article, Keyword, Mention, Person, Source, TaggedArticle
from articles.search import Total

# API parameter → the name the site's forms and the search's narrowed() use.
TIMELINE_NAMES = {"keyword": "stichwort", "person": "person", "source": "quelle",
                  "from": "von", "to": "bis"}  # fmt: skip
SEARCH_NAMES = {**TIMELINE_NAMES, "kind": "art", "year": "jahr"}
SELECTING = ("q", *SEARCH_NAMES)
NAMED = {"keyword": Keyword, "person": Person, "source": Source}


def _items_of(name: str, pk: int) -> tuple[QuerySet, str]:
    """The link rows of a keyword or person (as narrowed() reads them) and their item column."""
    if name == "keyword":
        return TaggedArticle.objects.filter(tag_id=pk), "content_object"
    return Mention.objects.filter(person_id=pk), "article"


class _AmongIds(Func):
    """`id = ANY(ARRAY(subquery))`: the subquery's ids first, then each item by primary key.

    (For `id IN (subquery)` and EXISTS the planner may choose a semi-join that walks the
    date index instead; an array is read whole before the items.)
    """

    output_field = BooleanField()
    arity = 2

    def as_sql(self, compiler, connection, **extra):
        (column, column_params), (ids, ids_params) = (
            compiler.compile(expression) for expression in self.get_source_expressions()
        )
        return f"{column} = ANY(ARRAY{ids})", (*column_params, *ids_params)


@dataclass
class Selection:
    """The listed items one request selects (before sorting and paging)."""

    params: dict
    tallies: ListedCounts
    named: dict[str, Model]  # the keyword, person and source filters' rows
    parsed: search.ParsedQuery | None
    notices: list[str] = field(default_factory=list)
    # Listed items with each keyword, person or source filter ("": all of them).
    listed: dict[str, int] = field(default_factory=dict)

    @property
    def key(self) -> tuple:
        """What identifies the selection in caches and cursors."""
        return tuple(sorted((name, str(self.params[name])) for name in SELECTING
                            if name in self.params))  # fmt: skip

    @property
    def waiting(self) -> int:
        return len(self.tallies.scheduled)

    def count(self, name: str = "", year: int | None = None) -> int:
        """Listed items with the keyword, person or source filter `name` ("": all of them)."""
        if year is not None:
            periods = self.tallies.periods(**({name: self.named[name]} if name else {}))
            return sum(n for (y, _), n in periods.items() if y == year)
        if name not in self.listed:  # all items: the one figure not read by select()
            tally = PeriodCount.objects.aggregate(n=Sum("count", default=0))["n"]
            self.listed[name] = tally - self.waiting
        return self.listed[name]

    def _narrowed(self, by_ids: str = "") -> QuerySet[Article]:
        """Listed items narrowed by every filter as narrowed() does, but by the rows' ids."""
        data = {SEARCH_NAMES[name]: self.params[name] for name in SEARCH_NAMES
                if name in self.params and name not in NAMED}  # fmt: skip
        queryset = search.narrowed(Article.objects.listed(), data)
        for name, row in self.named.items():
            if name == "source":
                queryset = queryset.filter(source_id=row.pk)
                continue
            rows, column = _items_of(name, row.pk)
            if name == by_ids:
                queryset = queryset.filter(
                    _AmongIds(F("id"), Subquery(rows.order_by().values(column)))
                )
            else:
                queryset = queryset.filter(Exists(rows.filter(**{column: OuterRef("pk")})))
        return queryset

    @cached_property
    def filtered(self) -> QuerySet[Article]:
        """Listed items narrowed by every filter, without the search query."""
        return self._narrowed()

    @property
    def matching(self) -> QuerySet[Article]:
        """The selected items, unordered."""
        if self.parsed is None:
            return self.filtered
        return search.matching(self.filtered, self.parsed.text)

    def in_date_order(self, size: int) -> QuerySet[Article]:
        """`matching` for a page in date order (keyset_page walks it).

        With a keyword or person the planner walks the date index and looks each item up
        in the keyword's or person's rows until the page is full: about (size + 1) · N / n
        items for n of N listed ones, 4,000 for a person in 0.6 % of the archive. When the
        rarest of them has fewer items than that walk reads (n² ≤ (size + 1) · N), the
        items are read through its ids instead, by primary key: n at most.
        """
        if self.parsed is not None:
            return self.matching
        linked = [name for name in ("keyword", "person") if name in self.named]
        if not linked:
            return self.filtered
        rarest = min(linked, key=self.count)
        if self.count(rarest) ** 2 > (size + 1) * self.count():
            return self.filtered
        return self._narrowed(by_ids=rarest)

    def results(self, by_date: bool = False, facets: bool = True) -> search.Results:
        """The search's matches, in relevance or date order, with total and, when asked for,
        facets (cached)."""
        name = ("api-search-dated" if by_date else "api-search") + ("" if facets else "-bare")
        return cached(
            name,
            (self.key, self.waiting),
            lambda: search.run(self.filtered, self.parsed, by_date=by_date, facets=facets),
        )

    def total(self, by_date: bool = False) -> Total:
        if self.parsed is not None:
            # In date order the relevance (the search's second pass and ranks) is not needed.
            return self.results(by_date=by_date, facets=False).total
        # The tallies count per keyword, person or source, one at a time (as the timeline).
        if len(self.named) <= 1 and not {"kind", "from", "to"} & self.params.keys():
            return Total(self.count(next(iter(self.named), ""), self.params.get("year")))
        return Total(cached("api-count", (self.key, self.waiting), self.filtered.count))


def select(params: dict, tallies: ListedCounts | None = None) -> Selection:
    """Check the filters against what the public may see; 400 for what does not exist."""
    tallies = tallies or ListedCounts()
    named, listed, errors = {}, {}, {}
    for name in NAMED:
        if name in params:
            named[name], listed[name] = listed_row(name, params[name], tallies)
            if not listed[name]:
                errors[name] = [f"Unknown {name} {params[name]!r}: no public item has it."]
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
        tallies=tallies,
        named=named,
        parsed=parsed,
        notices=notices,
        listed=listed,
    )


# The count tables' figure of a keyword, person or source: listed items and scheduled ones.
_TALLIES = {
    "keyword": lambda: KeywordPairCount.objects.filter(
        keyword=OuterRef("pk"), other=OuterRef("pk")
    ),
    "person": lambda: PersonPairCount.objects.filter(person=OuterRef("pk"), other=OuterRef("pk")),
    "source": lambda: PeriodCount.objects.filter(source=OuterRef("pk")),
}


def listed_row(name: str, slug: str, tallies: ListedCounts) -> tuple[Model | None, int]:
    """The keyword, person or source with this slug and the number of listed items it has.

    One query: the row with its figure in the count tables, less its scheduled items.
    """
    tally = _TALLIES[name]().order_by().annotate(n=Func(F("count"), function="SUM"))
    row = NAMED[name].objects.filter(slug=slug).annotate(tally=Subquery(tally.values("n"))).first()
    if row is None:
        return None, 0
    if name == "source":
        waiting = sum(item.source_id == row.pk for item in tallies.scheduled)
    else:
        waiting = sum(row.pk in getattr(item, f"{name}_ids") for item in tallies.scheduled)
    return row, (row.tally or 0) - waiting
