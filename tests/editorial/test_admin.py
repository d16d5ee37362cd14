"""The editorial admin: roles, workflow, history, lost-update guard, preview, throttling."""

import datetime

import pytest
import reversion
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article
from tests.editorial.conftest import change_data

pytestmark = pytest.mark.django_db


def test_groups_exist_with_their_permissions(editor, researcher):
    assert editor.has_perm("articles.publish_article")
    assert editor.has_perm("articles.change_article")
    assert researcher.has_perm("articles.view_article")
    assert not researcher.has_perm("articles.change_article")
    assert not researcher.has_perm("articles.publish_article")


def test_anonymous_users_never_reach_the_admin_or_drafts(client, make_article):
    draft = make_article("Entwurf", status=Article.Status.DRAFT)
    for url in [
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_change", args=[draft.pk]),
        reverse("admin:articles_article_preview", args=[draft.pk]),
        reverse("admin:articles_article_from_text"),
    ]:
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_researcher_reads_but_cannot_change_or_add(client, researcher, make_article):
    article = make_article("Nur lesen")
    client.force_login(researcher)
    assert client.get(reverse("admin:articles_article_changelist")).status_code == 200
    response = client.post(
        reverse("admin:articles_article_change", args=[article.pk]), change_data(article, title="X")
    )
    assert response.status_code == 403
    assert client.get(reverse("admin:articles_article_from_text")).status_code == 403
    assert Article.objects.get(pk=article.pk).title == "Nur lesen"


def test_add_page_lives_at_the_fixed_url(editor_client):
    assert reverse("admin:articles_article_add") == "/admin/articles/article/add/"
    assert editor_client.get("/admin/articles/article/add/").status_code == 200


def test_workflow_actions(editor_client, make_article):
    draft = make_article("Im Entwurf", status=Article.Status.DRAFT)
    url = reverse("admin:articles_article_changelist")
    editor_client.post(url, {"action": "submit_for_review", "_selected_action": [draft.pk]})
    assert Article.objects.get(pk=draft.pk).status == Article.Status.REVIEW
    editor_client.post(url, {"action": "publish", "_selected_action": [draft.pk]})
    assert Article.objects.get(pk=draft.pk).status == Article.Status.PUBLISHED
    editor_client.post(url, {"action": "withdraw", "_selected_action": [draft.pk]})
    assert Article.objects.get(pk=draft.pk).status == Article.Status.DRAFT


def test_only_publishers_may_publish(client, make_article, django_user_model):
    from django.contrib.auth.models import Permission

    writer = django_user_model.objects.create_user("schreiber", password="x", is_staff=True)
    writer.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_article", "change_article"])
    )
    client.force_login(writer)
    draft = make_article("Noch nicht", status=Article.Status.DRAFT)
    response = client.post(
        reverse("admin:articles_article_change", args=[draft.pk]),
        change_data(draft, status=Article.Status.PUBLISHED),
    )
    assert response.status_code == 200
    assert "Sie dürfen Meldungen nicht veröffentlichen." in response.text
    assert Article.objects.get(pk=draft.pk).status == Article.Status.DRAFT


def test_concurrent_edit_is_detected_and_the_editors_text_kept(editor_client, make_article):
    article = make_article("Ausgangstitel", body="Alt.")
    stale = change_data(article, body="Mein langer, sorgfältig geschriebener Text.")
    article.title = "Von jemand anderem geändert"
    article.save()
    response = editor_client.post(
        reverse("admin:articles_article_change", args=[article.pk]), stale
    )
    assert response.status_code == 200
    assert "inzwischen von jemand anderem gespeichert" in response.text
    assert "Mein langer, sorgfältig geschriebener Text." in response.text
    assert Article.objects.get(pk=article.pk).title == "Von jemand anderem geändert"


def test_validation_error_keeps_everything_typed(editor_client):
    response = editor_client.post(
        reverse("admin:articles_article_add"),
        change_data(Article(title="", slug="", date_precision="day", status="draft", kind="news"),
                    title="", body="Ein Text, der nicht verloren gehen darf."),
    )  # fmt: skip
    assert response.status_code == 200
    assert "Ein Text, der nicht verloren gehen darf." in response.text
    assert Article.objects.count() == 0


def test_history_restore_and_recover(editor_client, admin_client, make_article):
    with reversion.create_revision():
        article = make_article("Erste Fassung", keywords=["Politik"])
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = editor_client.post(url, change_data(article, title="Zweite Fassung"))
    assert response.status_code == 302
    versions = Version.objects.get_for_object(Article.objects.get(pk=article.pk))
    assert versions.count() == 2
    history = editor_client.get(reverse("admin:articles_article_history", args=[article.pk]))
    assert history.status_code == 200
    oldest = versions.last()
    revert_url = reverse("admin:articles_article_revision", args=[article.pk, oldest.pk])
    page = editor_client.get(revert_url)
    assert "Erste Fassung" in page.text
    loaded = page.context_data["adminform"].form.initial["loaded_version"]  # as the form sends it
    editor_client.post(revert_url, change_data(Article.objects.get(pk=article.pk), title="Erste Fassung",
                                              loaded_version=loaded))  # fmt: skip
    assert Article.objects.get(pk=article.pk).title == "Erste Fassung"

    article_id = article.pk
    deleting = admin_client.post(
        reverse("admin:articles_article_delete", args=[article_id]), {"post": "yes"}
    )
    assert deleting.status_code == 302  # superusers delete; editors withdraw
    assert not Article.objects.filter(pk=article_id).exists()
    deleted = Version.objects.get_deleted(Article).first()
    recover_url = reverse("admin:articles_article_recover", args=[deleted.pk])
    page = editor_client.get(recover_url)
    assert "Erste Fassung" in page.text
    form = page.context_data["adminform"].form
    data = change_data(Article(**{k: v for k, v in form.initial.items() if k in {
        "title", "slug", "kicker", "teaser", "body", "date_precision", "status", "kind", "published_on"}}),
        loaded_version=form.initial["loaded_version"])  # fmt: skip
    editor_client.post(recover_url, data)
    assert Article.objects.filter(pk=article_id, title="Erste Fassung").exists()
    assert list(Article.objects.get(pk=article_id).keywords.names()) == ["Politik"]


def test_preview_shows_a_draft_to_staff_as_its_public_page(editor_client, client, make_article):
    draft = make_article("Vorschau-Entwurf", status=Article.Status.DRAFT, body="Geheimer Inhalt.")
    html = editor_client.get(reverse("admin:articles_article_preview", args=[draft.pk])).text
    assert "Vorschau – Entwurf, nicht öffentlich" in html and "<h1>Vorschau-Entwurf</h1>" in html
    change = editor_client.get(reverse("admin:articles_article_change", args=[draft.pk])).text
    assert reverse("admin:articles_article_preview", args=[draft.pk]) in change


def test_list_filters_columns_and_full_text_search(editor_client, make_article):
    make_article("Digitalisierungskabinett tagt", published_on=datetime.date(2018, 12, 13),
                 status=Article.Status.REVIEW)  # fmt: skip
    make_article("Breitband", published_on=datetime.date(2020, 1, 1))
    url = reverse("admin:articles_article_changelist")
    assert (
        "Digitalisierungskabinett tagt"
        in editor_client.get(url, {"q": "Digitalisierungskabinette"}).text
    )
    assert "Breitband" not in editor_client.get(url, {"q": "Digitalisierungskabinette"}).text
    assert "Breitband" not in editor_client.get(url, {"pruefen": "ja"}).text
    assert "Breitband" in editor_client.get(url, {"jahr": "2020"}).text
    assert "Digitalisierungskabinett" not in editor_client.get(url, {"jahr": "2020"}).text
    assert editor_client.get(url, {"jahr": "abc"}).status_code == 200


def test_login_attempts_are_throttled(client, editor):
    url = reverse("admin:login")
    for _ in range(5):
        response = client.post(url, {"username": "redakteurin", "password": "falsch"})
        assert response.status_code == 200
    response = client.post(url, {"username": "redakteurin", "password": "geheim-123"})
    assert response.status_code == 429
    assert "Zu viele Anmeldeversuche" in response.text
    assert client.post(url, {"username": "andere", "password": "falsch"}).status_code == 200


def test_saving_again_after_a_conflict_is_a_deliberate_overwrite(editor_client, make_article):
    article = make_article("Ausgangstitel")
    url = reverse("admin:articles_article_change", args=[article.pk])
    with reversion.create_revision():
        other = Article.objects.get(pk=article.pk)
        other.body = "Text der Kollegin."
        other.save()
    mine = change_data(article, body="Meine Fassung.")
    response = editor_client.post(url, mine)
    assert "Nichts wurde überschrieben" in response.text
    assert Article.objects.get(pk=article.pk).body == "Text der Kollegin."
    # The form shown again carries the current version: saving it is the editor's decision.
    resent = response.context_data["adminform"].form["loaded_version"].value()
    assert editor_client.post(url, {**mine, "loaded_version": resent}).status_code == 302
    assert Article.objects.get(pk=article.pk).body == "Meine Fassung."
    bodies = [v.field_dict["body"] for v in Version.objects.get_for_object(article)]
    assert "Text der Kollegin." in bodies  # the overwritten version stays in history


def test_needs_review_filter_finds_items_with_import_warnings(editor_client, make_article):
    from articles.models import Document

    document = Document.objects.create(
        file_name="a.txt", sha256="a" * 64, encoding="utf-8", raw_text="…", parser="press@1",
        warnings=["no date in the text"],
    )  # fmt: skip
    clean = Document.objects.create(
        file_name="b.txt", sha256="b" * 64, encoding="utf-8", raw_text="…", parser="press@1"
    )
    make_article("Mit Warnung", document=document)
    make_article("Ohne Warnung", document=clean)
    make_article("Von Hand")
    html = editor_client.get(reverse("admin:articles_article_changelist"), {"pruefen": "ja"}).text
    assert "Mit Warnung" in html
    assert "Ohne Warnung" not in html and "Von Hand" not in html


def test_list_shows_scheduled_items_and_warning_counts(editor_client, make_article):
    from articles.models import Document

    document = Document.objects.create(
        file_name="a.txt", sha256="a" * 64, encoding="utf-8", raw_text="…", parser="press@1",
        warnings=["no date in the text", "title taken from the first sentence"],
    )  # fmt: skip
    make_article("Geplant", publish_at=timezone.now() + datetime.timedelta(days=2))
    make_article("Importiert", document=document)
    response = editor_client.get(reverse("admin:articles_article_changelist"))
    rows = {
        row.title: row
        for row in response.context_data["cl"].result_list  # what the list shows
    }
    admin_view = response.context_data["cl"].model_admin
    assert admin_view.workflow_status(rows["Geplant"]).startswith("Geplant ab ")
    assert admin_view.warning_count(rows["Importiert"]) == 2
    assert admin_view.warning_count(rows["Geplant"]) == "–"
    assert "Geplant ab " in response.text


def test_list_and_forms_run_a_bounded_number_of_queries(
    editor_client, make_article, django_assert_max_num_queries
):
    for number in range(30):
        make_article(f"Meldung {number}", keywords=["Politik"], people=[("Heike Taubert", "")])
    article = Article.objects.first()
    with django_assert_max_num_queries(25):
        editor_client.get(reverse("admin:articles_article_changelist"))
    with django_assert_max_num_queries(40):
        editor_client.get(reverse("admin:articles_article_change", args=[article.pk]))


def test_keywords_have_autocomplete_and_names_over_100_characters_are_refused(
    editor_client, make_article
):
    article = make_article("Mit Stichwort", keywords=["Breitbandausbau"])
    change = editor_client.get(reverse("admin:articles_article_change", args=[article.pk])).text
    assert 'name="tagged_items-0-tag"' in change and "admin-autocomplete" in change
    found = editor_client.get(
        reverse("admin:autocomplete"),
        {"term": "breitband", "app_label": "articles", "model_name": "taggedarticle",
         "field_name": "tag"},
    ).json()  # fmt: skip
    assert [result["text"] for result in found["results"]] == ["Breitbandausbau"]
    response = editor_client.post(
        reverse("admin:articles_keyword_add"), {"name": "x" * 101, "slug": "x"}
    )
    assert response.status_code == 200
    assert "höchstens 100 Zeichen" in response.text


def test_people_and_related_items_have_autocomplete(editor_client, make_article):
    make_article("Verwandte Meldung", people=[("Heike Taubert", "Ministerin")])
    for model, field, term, text in [
        ("mention", "person", "taub", "Heike Taubert"),
        ("article", "related", "verwandt", "Verwandte Meldung"),
    ]:
        found = editor_client.get(
            reverse("admin:autocomplete"),
            {"term": term, "app_label": "articles", "model_name": model, "field_name": field},
        ).json()
        assert [result["text"] for result in found["results"]] == [text]


def test_a_successful_login_forgets_earlier_failures(client, editor):
    url = reverse("admin:login")
    for _ in range(4):
        client.post(url, {"username": "redakteurin", "password": "falsch"})
    assert (
        client.post(url, {"username": "redakteurin", "password": "geheim-123"}).status_code == 302
    )
    client.logout()
    for _ in range(4):
        client.post(url, {"username": "redakteurin", "password": "falsch"})
    assert (
        client.post(url, {"username": "redakteurin", "password": "geheim-123"}).status_code == 302
    )


def test_preview_of_a_scheduled_item_and_of_missing_items(editor_client, make_article):
    scheduled = make_article("Kommt morgen", publish_at=timezone.now() + datetime.timedelta(days=1))
    html = editor_client.get(reverse("admin:articles_article_preview", args=[scheduled.pk])).text
    assert "Vorschau" in html and "nicht öffentlich" in html
    missing = editor_client.get(reverse("admin:articles_article_preview", args=[999999]))
    assert missing.status_code == 404


@pytest.mark.parametrize("query", ['"', "&|!:*", "x" * 2000, "Rathaus\x00", "-", "()"])
def test_odd_admin_searches_never_fail(editor_client, make_article, query):
    make_article("Rathaus digital")
    response = editor_client.get(reverse("admin:articles_article_changelist"), {"q": query})
    assert response.status_code == 200
