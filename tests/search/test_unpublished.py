"""Nothing unpublished reaches anonymous searchers: not as a suggestion, not as a snippet."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import search
from articles.models import Article

URL = reverse("articles:search")


def _hidden(status: str = Article.Status.DRAFT, **fields) -> dict:
    return {"status": status, **fields}


HIDDEN = {
    "draft": _hidden(),
    "review": _hidden(Article.Status.REVIEW),
    "embargoed": _hidden(
        Article.Status.PUBLISHED, publish_at=timezone.now() + datetime.timedelta(days=3)
    ),
}


def _suggestion(client, query: str) -> str:
    html = client.get(URL, {"q": query}).text
    if 'class="suggestion"' not in html:
        return ""
    return html.split('class="suggestion"', 1)[1].split("</p>", 1)[0].lower()


@pytest.mark.parametrize("fields", HIDDEN.values(), ids=HIDDEN.keys())
def test_did_you_mean_offers_no_word_of_an_unpublished_item(client, make_article, fields):
    make_article(
        "Breitbandausbau im Kreis Zwitschenau",
        keywords=["Glasfaserkorridor"],
        people=[("Konstantin Quarkenbruch", "Landrat")],
        slug="hidden",
        **fields,
    )
    make_article("Rechenzentrum Pfefferminzhausen eröffnet", slug="public")
    # A public word is offered for a close spelling: the probes below can fail.
    assert "pfefferminzhausen" in _suggestion(client, "Pfeferminzhausen")
    for probe, word in (
        ("Zwitschenow", "Zwitschenau"),
        ("Glasfaserkoridor", "Glasfaserkorridor"),
        ("Quarkenbruck", "Quarkenbruch"),
        ("Konstantine", "Konstantin"),
    ):
        assert word.lower() not in _suggestion(client, probe), probe


def test_a_withdrawn_item_takes_its_words_with_it(client, make_article):
    item = make_article("Windpark Ottersbrunnen genehmigt", keywords=["Ottersbrunnen"])
    assert "ottersbrunnen" in _suggestion(client, "Otterbrunnen")
    item.status = Article.Status.DRAFT
    item.save()
    assert "ottersbrunnen" not in _suggestion(client, "Otterbrunnen")


def test_snippets_read_only_what_the_results_query_may_see(make_article):
    item = make_article("Radwegenetz wächst", teaser="Neue Radwege im Landkreis.")
    parsed = search.parse("Radwegenetz")
    Article.objects.filter(pk=item.pk).update(
        status=Article.Status.DRAFT, title="Radwegenetz: interner Entwurf", teaser="Vertraulich."
    )
    # The ids were found while the item was public (a cached result page holds them).
    shown = search.with_snippets(Article.objects.listed(), [item.pk], parsed)
    assert shown == []


def test_a_draft_rewrite_never_shows_its_new_title_to_anonymous_searchers(client, make_article):
    item = make_article("Radwegenetz wächst", teaser="Neue Radwege im Landkreis.")
    assert "wächst" in client.get(URL, {"q": "Radwegenetz"}).text
    Article.objects.filter(pk=item.pk).update(
        status=Article.Status.DRAFT, title="Radwegenetz: interner Entwurf", teaser="Vertraulich."
    )
    html = client.get(URL, {"q": "Radwegenetz"}).text
    assert "interner Entwurf" not in html and "Vertraulich" not in html
    assert "wächst" not in html
