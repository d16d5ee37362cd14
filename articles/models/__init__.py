"""The archive's data: press items, the people they mention, their keywords and provenance."""

from articles.models.article import (
    Article,
    ArticleKind,
    ArticleQuerySet,
    ArticleStatus,
    DatePrecision,
)
from articles.models.keywords import Keyword, TaggedArticle
from articles.models.links import Link
from articles.models.logins import LoginFailures
from articles.models.people import Mention, Person
from articles.models.sources import Document, Source, SourceKind
from articles.models.tallies import (
    KeywordPairCount,
    KeywordPeriodCount,
    KeywordPersonCount,
    PeriodCount,
    PersonPairCount,
    PersonPeriodCount,
)

__all__ = [
    "Article",
    "ArticleKind",
    "ArticleQuerySet",
    "ArticleStatus",
    "DatePrecision",
    "Document",
    "Keyword",
    "KeywordPairCount",
    "KeywordPeriodCount",
    "KeywordPersonCount",
    "Link",
    "LoginFailures",
    "Mention",
    "PeriodCount",
    "Person",
    "PersonPairCount",
    "PersonPeriodCount",
    "Source",
    "SourceKind",
    "TaggedArticle",
]
