"""The shortcuts that keep large archives fast give the same results and readable snippets."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from articles import search
from articles.models import Article

pytestmark = pytest.mark.django_db

FILLER = " ".join(f"Absatz{n} ohne Bezug." for n in range(120))  # about 2 KB


def snippet_of(client, q) -> str:
    html = client.get(reverse("articles:search"), {"q": q}).text
    return re.search(r'<p class="snippet">(.*?)</p>', html).group(1)


def test_a_hit_deep_in_a_long_text_is_shown_highlighted(client, make_article):
    make_article("Bericht", body=f"{FILLER} Das Verwaltungsportal geht online. {FILLER}")
    snippet = snippet_of(client, "Verwaltungsportal")
    assert "<mark>Verwaltungsportal</mark>" in snippet
    assert snippet.startswith("… ") and snippet.endswith(" …")


def test_a_phrase_with_a_stop_word_deep_in_a_long_text_is_highlighted(client, make_article):
    make_article("Bericht", body=f"{FILLER} Zum Tag der Verwaltung öffnen die Ämter. {FILLER}")
    assert "<mark>Verwaltung</mark>" in snippet_of(client, '"Tag der Verwaltung"')


def test_words_far_apart_still_give_a_highlighted_snippet(client, make_article):
    make_article("Bericht", body=f"Die Breitbandkarte erscheint. {FILLER} Die Glasfaser kommt.")
    snippet = snippet_of(client, "Glasfaser Breitbandkarte")
    assert "<mark>" in snippet


def test_a_word_that_only_starts_like_a_hit_does_not_hide_the_hit(client, make_article):
    # "Registrierung" begins like the stem of "Register"; the real hit comes much later.
    make_article("Bericht", body=f"Registrierungen laufen. {FILLER} Das Register wächst.")
    assert "<mark>Register</mark>" in snippet_of(client, "Register")


@pytest.mark.parametrize("query", ["Verwaltungsportal", '"digitale Verwaltung"', "OZG"])
def test_streaming_and_walking_find_the_same_items_in_the_same_order(make_article, monkeypatch,
                                                                     query):  # fmt: skip
    bodies = [
        "Das Verwaltungsportal und die digitale Verwaltung.",
        "Ein Verwaltungs-Portal, das Onlinezugangsgesetz.",
        "Verwaltung hier, ein Portal dort, digitale Akten, die Verwaltung.",
        "Das OZG und das Verwaltungsportal.",
    ]
    for day, body in enumerate(bodies * 3, start=1):
        make_article(f"Meldung {day}", body=body, published_on=datetime.date(2021, 3, day))
    queryset, parsed = Article.objects.published(), search.parse(query)
    streamed = search.run(queryset, parsed)
    cache.clear()
    monkeypatch.setattr(search, "STREAM_ALWAYS_BELOW", 0)
    monkeypatch.setattr(search, "STREAM_SHARE", 0.0)
    walked = search.run(queryset, parsed)
    assert streamed.ids and streamed.ids == walked.ids
    assert streamed.total == walked.total
    expected = set(queryset.filter(search_vector=parsed.query).values_list("id", flat=True))
    assert set(streamed.ids) == expected


@pytest.mark.parametrize("query", ["Verwaltungsportal", '"digitale Verwaltung"'])
@pytest.mark.parametrize("limit", [2, 40])
def test_streaming_in_windows_of_days_finds_the_same_items_in_the_same_order(
    make_article, monkeypatch, query, limit
):
    bodies = [
        "Das Verwaltungsportal und die digitale Verwaltung.",
        "Verwaltung hier, ein Portal dort, digitale Akten, die Verwaltung.",
        "Nichts davon.",
    ]
    for number, body in enumerate(bodies * 6):
        # Several items a day, and two without a date (they come last).
        day = None if number >= 15 else datetime.date(2021, 5, 1 + number // 3)
        make_article(f"Meldung {number}", body=body, published_on=day)
    queryset, parsed = Article.objects.published(), search.parse(query)
    monkeypatch.setattr(search, "CANDIDATE_LIMIT", limit)
    whole = search.run(queryset, parsed)
    cache.clear()
    monkeypatch.setattr(search, "_stream_plan", lambda *args: (True, 2))
    windowed = search.run(queryset, parsed)
    assert whole.ids and windowed.ids == whole.ids
    assert windowed.total == whole.total
    if limit > 20:  # all matches, the undated ones too
        expected = queryset.filter(search_vector=parsed.query).values_list("id", flat=True)
        assert set(windowed.ids) == set(expected)


def test_probing_a_keyword_before_the_text_finds_the_same_items(make_article, monkeypatch):
    from articles.models import Keyword

    keyword = Keyword.objects.create(name="Portale", slug="portale")
    for day in range(1, 13):
        item = make_article(f"Meldung {day}", body="Das Verwaltungsportal geht online."
                            if day % 3 else "Nichts davon.", published_on=datetime.date(2021, 4, day))  # fmt: skip
        if day % 2:
            item.keywords.add(keyword)
    queryset = search.narrowed(Article.objects.published(), {"stichwort": "portale"})
    parsed = search.parse("Verwaltungsportal")
    planned = search.run(queryset, parsed)
    cache.clear()
    asked = []
    monkeypatch.setattr(search, "_stream_plan", lambda *args: (False, None))
    monkeypatch.setattr(search, "_walks_date_index_joined", lambda matches: asked.append(1) or 1)
    probed = search.run(queryset, parsed)
    assert asked
    assert planned.ids and planned.ids == probed.ids
    assert planned.total == probed.total
    expected = queryset.filter(search_vector=parsed.query).values_list("id", flat=True)
    assert set(probed.ids) == set(expected)


def test_windows_leave_out_a_word_in_nearly_every_item(make_article):
    from django.db import connection

    from articles.search_candidates import _selective

    for number in range(30):
        extra = " Souveränität im Netz." if number % 10 == 0 else ""
        make_article(f"Meldung {number}", body="Die digitale Verwaltung wächst." + extra)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")
    assert _selective("'digital' & 'souveranitat'") == "'souveranitat'"
    assert _selective("'digital' & 'verwalt'") in ("'digital'", "'verwalt'")  # one stays
    assert _selective("'digital' | 'souveranitat'") == "'digital' | 'souveranitat'"
