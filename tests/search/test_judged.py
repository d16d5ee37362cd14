"""The judged query set: what a journalist types, what must and must not be found, in order.

Items are invented (tests/search/judged_corpus.py) and written once per module through the
ORM, as editors would. Each judgement names items by key: `must` be found, `must_not` be
found, and `order`: the first key is found, and those of the others that are found follow it in
this order (keys that must be found are named in `must` as well).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils.text import slugify

from articles.models import Article, Person, SynonymGroup
from tests.search.judged_corpus import ITEMS


@dataclass
class J:
    query: str
    must: tuple[str, ...] = ()
    must_not: tuple[str, ...] = ()
    order: tuple[str, ...] = ()
    also: str | None = None  # shown as "auch gesucht: …"


JUDGEMENTS = [
    # Compound parts at index time (the item has the compound, the query a part).
    J("Cloud", must=("cloud", "cloud_whole"), order=("cloud_whole", "cloud")),
    J("App", must=("app",)),
    J("Minister", must=("digitalminister", "wirtschaftsminister")),
    J("Staatssekretärin", must=("staatssekretaerin",)),
    J("Rechenzentrum", must=("rechenzentrum",)),
    J("Glasfaser", must=("glasfaser", "keyword_hit", "glasfaser_body")),
    J("Ausbau", must=("glasfaser",)),
    J("Verwaltung", must=("cloud",)),
    J("Förderung", must=("keyword_compound",)),  # a part of a keyword
    J("Brandt", must=("person_hyphen",)),  # a part of a person's name
    J("Schulze-Brandt", must=("person_hyphen",)),
    # Compounds at query time (the query is a compound, the item has its words apart).
    J("Digitalministerin", must=("digitalminister",)),
    J("Verwaltungs-Cloud", must=("cloud",)),  # hyphenated query, solid text
    # Precision traps.
    J("Akte", must=("akte",), must_not=("akteure",)),
    J("Akteure", must=("akteure",), must_not=("akte",)),
    J("Rat", must=("rat",), must_not=("rathaus",)),
    J("Rathaus", must=("rathaus",), must_not=("rat",)),
    J("Amt", must=("amt",), order=("amt", "amtsleiterin")),
    J("Haus", must=("rathaus",)),
    # Hyphenated and solid spellings are the same word.
    J("Cybersicherheit", must=("cyber_solid", "cyber_hyphen")),
    J("Cyber-Sicherheit", must=("cyber_solid", "cyber_hyphen")),
    J("Sicherheit", must=("cyber_solid", "cyber_hyphen")),
    J("Thüringen-App", must=("app",)),
    # Abbreviations and synonym groups.
    J("OZG", must=("ozg_full", "ozg_long", "ozg_hyphen"), also="Onlinezugangsgesetz"),
    J("Onlinezugangsgesetz", must=("ozg_full", "ozg_long", "ozg_hyphen"), also="OZG"),
    J("Online-Zugangsgesetz", must=("ozg_full", "ozg_long", "ozg_hyphen")),
    J(
        "E-Akte",
        must=("eakte", "elektronische_akte"),
        must_not=("akteure",),
        also="elektronische Akte",
    ),
    J("elektronische Akte", must=("eakte", "elektronische_akte")),
    J("TMDI", must=("tmdi",), also="Thüringer Ministerium für Digitales und Infrastruktur"),
    J("ThAVEL", must=("thavel",)),
    J("Thüringer Antragssystem für Verwaltungsleistungen", must=("thavel",)),
    J("CIO", must=("cdo_cio", "cio_long"), also="Chief Information Officer"),
    J("CDO", must=("cdo_cio",)),
    # Slash-joined tokens are found by each part.
    J("Länder", must=("bund_laender", "ozg_long")),
    J("Bund", must=("bund_laender",)),
    J("CDO/CIO", must=("cdo_cio",)),
    # Prefixes.
    J("Digi*", must=("digital_old", "digital_new", "digitalminister", "staatssekretaerin")),
    J("Breitb*", must=("breitband", "breitband_body", "keyword_compound")),
    J("Glasf* Ilm", must=("glasfaser",), must_not=("glasfaser_body",)),
    # Ranking: title and keyword hits above body hits, full items above stubs, recency.
    J("Breitband", must=("breitband", "breitband_body"), order=("breitband", "breitband_body")),
    J("Glasfaser", order=("keyword_hit", "glasfaser_body")),  # keyword above passing mention
    J("Glasfaser Jahr", must=("glasfaser_body",), order=("keyword_hit", "glasfaser_body")),
    J("OZG Umsetzung", must=("ozg_hyphen", "ozg_stub1"), order=("ozg_hyphen", "ozg_stub1")),
    J("OZG", must=("ozg_stub3",), order=("ozg_full", "ozg_stub3")),
    J("OZG", must=("ozg_stub1",), order=("ozg_long", "ozg_stub1")),
    J(
        "Digitalisierung Schulen",
        must=("digital_old", "digital_new"),
        order=("digital_new", "digital_old"),
    ),
    # Teaser stubs are found.
    J("Registermodernisierung", must=("stub_only",)),
    # Combinations with the query syntax.
    J("Cloud -Server", must=("cloud_whole",), must_not=("cloud",)),
    J("Akte OR Rathaus", must=("akte", "rathaus"), must_not=("akteure",)),
    J('"elektronische Akte"', must=("elektronische_akte",), must_not=("akte",)),
]


@pytest.fixture(scope="module")
def judged_items(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        created_groups = _ensure_seed_synonyms()
        ids = {}
        for data in ITEMS:
            data = dict(data)
            key, keywords, people = data.pop("key"), data.pop("keywords"), data.pop("people")
            article = Article.objects.create(
                slug=slugify(key), status=Article.Status.PUBLISHED, **data
            )
            if keywords:
                article.keywords.add(*keywords)
            for position, (name, role) in enumerate(people):
                person, _ = Person.objects.get_or_create(
                    name=name, defaults={"slug": slugify(name)}
                )
                article.mentions.create(person=person, role=role, position=position)
            ids[key] = article.title, article.get_absolute_url()
        yield ids
        Article.objects.filter(slug__in=[slugify(d["key"]) for d in ITEMS]).delete()
        SynonymGroup.objects.filter(pk__in=created_groups).delete()


def _ensure_seed_synonyms() -> list[int]:
    """The groups migration 0006 seeds (a transactional test elsewhere may have flushed them)."""
    import importlib

    migration = importlib.import_module("articles.migrations.0012_search_compounds")
    created = []
    for terms, note in migration.SEED_GROUPS:
        group, new = SynonymGroup.objects.get_or_create(terms=terms, defaults={"note": note})
        if new:
            created.append(group.pk)
    return created


def results(client, query: str, **params) -> tuple[list[str], str]:
    cache.clear()
    html = client.get(reverse("articles:search"), {"q": query, **params}).text
    return re.findall(r'class="item-title"><a href="([^"]+)">', html), html


@pytest.mark.django_db
@pytest.mark.parametrize("judgement", JUDGEMENTS, ids=lambda j: j.query)
def test_judged_query(client, judged_items, judgement: J):
    urls, html = results(client, judgement.query)
    assert "Fehler" not in html
    url_of = {key: url for key, (_title, url) in judged_items.items()}
    for key in judgement.must:
        assert url_of[key] in urls, f"{judgement.query!r} must find {key}"
    for key in judgement.must_not:
        assert url_of[key] not in urls, f"{judgement.query!r} must not find {key}"
    # Ordering: the first key is found, and whatever of the rest is found comes after it.
    positions = [urls.index(url_of[key]) for key in judgement.order if url_of[key] in urls]
    if judgement.order:
        assert url_of[judgement.order[0]] in urls, f"{judgement.query!r}: {judgement.order}"
    assert positions == sorted(positions), f"{judgement.query!r} ranks {judgement.order} wrong"
    if judgement.also:
        also = re.search(r'<p class="also">(.*?)</p>', html).group(1)
        assert judgement.also in also


def test_the_judged_set_is_large_enough():
    assert len(JUDGEMENTS) >= 40
