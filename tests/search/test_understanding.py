"""Compound parts stay current on every write path; synonyms, prefixes and snippets on the page."""

import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from articles.lexicon import ensure_lexicon
from articles.models import Article, CompoundLexicon, SynonymGroup

pytestmark = pytest.mark.django_db


def found(client, q, **params) -> list[str]:
    html = client.get(reverse("articles:search"), {"q": q, **params}).text
    return [re.sub(r"</?mark>", "", t)
            for t in re.findall(r'class="item-title"><a href="[^"]+">(.*?)</a>', html)]  # fmt: skip


def page(client, q) -> str:
    return client.get(reverse("articles:search"), {"q": q}).text


def test_bulk_writes_find_parts_after_ensure_lexicon(client):
    texts = ["Die Verwaltungscloud startet im Landesrechenzentrum."]
    ensure_lexicon(texts)  # what a set-based writer calls before inserting
    Article.objects.bulk_create([Article(title="Bulk", slug="bulk", body=texts[0],
                                         status="published")])  # fmt: skip
    assert found(client, "Cloud") == ["Bulk"]
    assert found(client, "Rechenzentrum") == ["Bulk"]


def test_raw_sql_words_are_detected_and_fixed_by_the_command(client, capsys):
    CompoundLexicon.objects.filter(word="funknetzausbau").delete()  # another test may add it
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO articles_article (title, slug, kicker, teaser, body, author, category,"
            " image_credit, kind, status, date_precision, date_inferred, imported_values,"
            " search_text, version, created, updated) VALUES ('Roh', 'roh', '', '', %s, '',"
            " '', '', 'news', 'published', 'day', false, '{}', '', 1, now(), now())",
            ["Der Funknetzausbau geht voran."],
        )
    assert found(client, "Ausbau") == []  # the word has no lexicon row yet
    with pytest.raises(SystemExit):
        call_command("refresh_search_parts", "--check")
    assert "1 words of 1 items lack" in capsys.readouterr().out
    call_command("refresh_search_parts")
    assert found(client, "Ausbau") == ["Roh"]
    call_command("refresh_search_parts", "--check")  # nothing stale: no SystemExit
    assert CompoundLexicon.objects.get(word="funknetzausbau").parts[:2] == ["funknetz", "ausbau"]


def test_editing_text_keeps_parts_current(client, make_article):
    article = make_article("Meldung", body="Die Verwaltungscloud startet.")
    assert found(client, "Cloud") == ["Meldung"]
    article.body = "Das Bürgerportal startet."
    article.save()
    assert found(client, "Cloud") == []
    assert found(client, "Portal") == ["Meldung"]


def test_synonym_groups_are_data_editors_change(client, make_article):
    make_article("Pilot", body="Die Registermodernisierung beginnt.")
    assert found(client, "RegMo") == []
    SynonymGroup.objects.create(terms="RegMo\nRegistermodernisierung")
    html = page(client, "RegMo")
    assert "auch gesucht: " in html and ">Registermodernisierung</a>" in html
    assert found(client, "RegMo") == ["Pilot"]


def test_prefix_search_and_short_prefix_notice(client, make_article):
    make_article("Digitalisierung der Schulen")
    make_article("Amt für Statistik", slug="amt")
    assert found(client, "Digi*") == ["Digitalisierung der Schulen"]
    html = page(client, "Am*")
    assert "mindestens 4 Buchstaben" in html
    assert found(client, "Am*") == []  # searched as the whole word "Am"
    assert "mindestens 4 Buchstaben" in page(client, "a*")


def test_snippet_without_urls_with_ellipses_and_whole_hyphenated_hit(client, make_article):
    words = " ".join(f"Satz{n} ohne Treffer." for n in range(40))
    make_article("Zentrum eröffnet", body=f"{words} Mehr unter https://example.org/a/b?c=1 zum "
                 f"Thema Cyber-Sicherheit in den Kommunen. {words}")  # fmt: skip
    html = page(client, "Sicherheit")
    snippet = re.search(r'<p class="snippet">(.*?)</p>', html).group(1)
    assert "<mark>Cyber-Sicherheit</mark>" in snippet
    assert "example.org" not in snippet and "https" not in snippet
    assert snippet.startswith("… ") and snippet.endswith(" …")
    assert len(re.sub(r"</?mark>", "", snippet)) <= 230


def test_compound_hit_is_marked_in_the_snippet(client, make_article):
    make_article("Neue Plattform", body="Die Verwaltungscloud des Landes geht in Betrieb.")
    snippet = re.search(r'<p class="snippet">(.*?)</p>', page(client, "Cloud")).group(1)
    assert "<mark>Verwaltungscloud</mark>" in snippet


def test_heading_shows_the_query_as_typed_without_nested_quotes(client, make_article):
    make_article("Digitale Gesellschaft", body="Die digitale Gesellschaft wächst.")
    html = page(client, '"digitale Gesellschaft"')
    assert "1 Treffer für &quot;digitale Gesellschaft&quot;</h2>" in html
    assert "„&quot;" not in html
    assert "1 Treffer für „Gesellschaft“" in page(client, "Gesellschaft")


def test_a_compound_can_be_left_out(client, make_article):
    # "-Verwaltungsportal" excludes a word the search also reads as its parts side by side.
    make_article("Portal startet", body="Das Verwaltungsportal für die Digitalisierung startet.")
    make_article("Akte kommt", body="Die Digitalisierung bringt die E-Akte.")
    response = client.get(reverse("articles:search"), {"q": "Digitalisierung -Verwaltungsportal"})
    assert response.status_code == 200
    assert found(client, "Digitalisierung -Verwaltungsportal") == ["Akte kommt"]
    assert sorted(found(client, "Digitalisierung -Breitbandausbau")) == [
        "Akte kommt",
        "Portal startet",
    ]
