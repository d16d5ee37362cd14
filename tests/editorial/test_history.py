"""History: every change is versioned, shown, restorable; deleted items can be recovered."""

import pytest
import reversion
from django.urls import reverse
from reversion.models import Version

from articles.models import Article, Link, Person
from tests.editorial.conftest import change_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(make_article):
    with reversion.create_revision():
        article = make_article(
            "Erste Fassung", keywords=["Breitband"], people=[("Heike Taubert", "Ministerin")]
        )
        Link.objects.create(article=article, label="Pressemitteilung (PDF)", format="PDF")
    return Article.objects.get(pk=article.pk)


def edit(client, article: Article, **changes):
    url = reverse("admin:articles_article_change", args=[article.pk])
    return client.post(url, change_data(article, **changes))


def test_history_names_who_changed_which_fields(editor_client, article):
    assert edit(editor_client, article, title="Zweite Fassung", body="Neu.").status_code == 302
    html = editor_client.get(
        reverse("admin:articles_article_history", args=[article.pk])
    ).content.decode()
    assert "redakteurin" in html
    assert "Titel" in html and "Text" in html  # the changed fields, by their German labels


def test_restoring_an_earlier_version_brings_back_keywords_and_outdates_open_forms(
    editor_client, article
):
    opened_before = Article.objects.get(pk=article.pk)  # someone keeps this form open
    edit(editor_client, article, title="Zweite Fassung")
    changed = Article.objects.get(pk=article.pk)
    changed.keywords.set(["Glasfaser"])
    version_before_restore = changed.version
    first = Version.objects.get_for_object(changed).last()
    url = reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    page = editor_client.get(url)
    assert 'value="Erste Fassung"' in page.content.decode()
    loaded = page.context_data["adminform"].form.initial["loaded_version"]
    assert loaded == version_before_restore
    response = editor_client.post(
        url, change_data(changed, title="Erste Fassung", loaded_version=loaded)
    )
    assert response.status_code == 302
    restored = Article.objects.get(pk=article.pk)
    assert restored.title == "Erste Fassung"
    assert list(restored.keywords.names()) == ["Breitband"]
    assert restored.version > version_before_restore  # never back to an old number
    assert Article.objects.search("Breitband").get() == restored  # searchable again
    assert not Article.objects.search("Glasfaser").exists()
    stale = edit(editor_client, opened_before, title="Alte offene Fassung")
    assert "inzwischen von redakteurin" in stale.content.decode()
    assert Article.objects.get(pk=article.pk).title == "Erste Fassung"


def test_a_deleted_item_is_recovered_with_its_mentions_keywords_and_links(
    editor_client, admin_client, article
):
    deleting = admin_client.post(
        reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"}
    )
    assert deleting.status_code == 302  # superusers delete; editors withdraw
    assert not Article.objects.filter(pk=article.pk).exists()
    recover_list = editor_client.get(reverse("admin:articles_article_recoverlist")).content
    assert "Erste Fassung" in recover_list.decode()
    deleted = Version.objects.get_deleted(Article).get()
    url = reverse("admin:articles_article_recover", args=[deleted.pk])
    form = editor_client.get(url).context_data["adminform"].form
    fields = {"title", "slug", "kicker", "teaser", "body", "date_precision", "status", "kind",
              "published_on"}  # fmt: skip
    data = change_data(
        Article(**{k: v for k, v in form.initial.items() if k in fields}),
        loaded_version=form.initial["loaded_version"],
    )
    assert editor_client.post(url, data).status_code == 302
    recovered = Article.objects.get(pk=article.pk)
    assert list(recovered.keywords.names()) == ["Breitband"]
    assert recovered.mentions.get().person == Person.objects.get(name="Heike Taubert")
    assert recovered.mentions.get().role == "Ministerin"
    assert recovered.links.get().label == "Pressemitteilung (PDF)"
    assert Article.objects.search("Taubert").get() == recovered


def test_each_version_shows_what_it_changed(editor_client, article):
    edit(editor_client, article, title="Zweite <b>Fassung</b>", body="Erster Absatz.\nNeuer Satz.")
    latest = Version.objects.get_for_object(article).first()
    history = editor_client.get(reverse("admin:articles_article_history", args=[article.pk])).text
    url = reverse("admin:articles_article_changes", args=[article.pk, latest.revision_id])
    assert url in history
    response = editor_client.get(url)
    html = response.text
    assert [change.label for change in response.context_data["changes"]] == ["Titel", "Text"]
    assert "<del>Erste Fassung</del>" in html
    assert "<ins>Zweite &lt;b&gt;Fassung&lt;/b&gt;</ins>" in html  # escaped, never markup
    assert "+ Neuer Satz." in html
    first = Version.objects.get_for_object(article).last()
    url = reverse("admin:articles_article_changes", args=[article.pk, first.revision_id])
    first_html = editor_client.get(url).text
    assert "die erste gespeicherte Fassung" in first_html
    assert "<ins>Breitband</ins>" in first_html and "Heike Taubert (Ministerin)" in first_html
