"""Items related by content: those that share the item's keywords and people.

Each shared keyword or person adds its weight, 1 / (1 + ln(items that carry it)), so a rare
shared keyword says more than "Thüringen". Keywords and people that stand in more than
MAX_SHARED items are left out: they say little, and leaving them out keeps the query bounded
(at most MAX_SHARED rows per keyword or person).
"""

from __future__ import annotations

import math
from collections import Counter

from django.db.models import Case, F, FloatField, Sum, Value, When

from articles.models import (
    Article,
    KeywordPairCount,
    Mention,
    PersonPairCount,
    TaggedArticle,
)
from articles.models.item_copies import listed_copies_q

MAX_SHARED = 5_000
SHOWN = 5
# The best-scored items looked at; drafts and withdrawn items among them are left out, so
# fewer than SHOWN are shown only when nearly all of the best candidates are hidden.
CANDIDATES = 50
PERSON_BONUS = 1.5  # being named in both says more than a shared keyword of the same rarity


def _weights(totals: dict[int, int]) -> dict[int, float]:
    return {
        key: 1 / (1 + math.log(count)) for key, count in totals.items() if 0 < count <= MAX_SHARED
    }


def _scores(rows, key: str, weights: dict[int, float], exclude: int) -> Counter:
    """Sum of the shared keys' weights per candidate item (one aggregate query)."""
    if not weights:
        return Counter()
    weight = Case(
        *(When(**{key: pk}, then=Value(w)) for pk, w in weights.items()),
        default=Value(0.0),
        output_field=FloatField(),
    )
    # Scored over the keyword (or mention) rows alone, listed ones by their copies of the
    # item's state (articles/models/item_copies.py): read from the index (tagged_keyword_
    # newest_idx, mention_person_newest_idx), no item and no table row read.
    candidates = (
        rows.filter(listed_copies_q(), **{f"{key}__in": list(weights)})
        .exclude(article_ref=exclude)
        .values("article_ref")
        .annotate(score=Sum(weight))
        .order_by("-score", "-article_ref")[:CANDIDATES]
    )
    return Counter({row["article_ref"]: row["score"] for row in candidates})


def related_by_content(
    article: Article, keyword_ids: list[int], person_ids: list[int]
) -> list[Article]:
    """Up to SHOWN listed items sharing the most telling keywords and people, best first."""
    if not keyword_ids and not person_ids:
        return []
    keyword_totals = dict(
        KeywordPairCount.objects.filter(keyword_id__in=keyword_ids, other=F("keyword")).values_list(
            "keyword_id", "count"
        )
    )
    person_totals = dict(
        PersonPairCount.objects.filter(person_id__in=person_ids, other=F("person")).values_list(
            "person_id", "count"
        )
    )
    scores = _scores(
        TaggedArticle.objects.annotate(article_ref=F("content_object_id")),
        "tag_id",
        _weights(keyword_totals),
        article.pk,
    )
    person_weights = {pk: w * PERSON_BONUS for pk, w in _weights(person_totals).items()}
    scores.update(
        _scores(
            Mention.objects.annotate(article_ref=F("article_id")),
            "person_id",
            person_weights,
            article.pk,
        )
    )
    best = [pk for pk, _ in sorted(scores.items(), key=lambda kv: (-kv[1], -kv[0]))[:CANDIDATES]]
    found = (
        Article.objects.listed()
        .exclude(kind=Article.Kind.TEASER)
        .filter(pk__in=best)
        .as_list_entries()
    )
    by_pk = {item.pk: item for item in found}
    return [by_pk[pk] for pk in best if pk in by_pk][:SHOWN]
