"""Every write path leaves history; only superusers delete; a deleted import comes back."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse
from reversion.models import Version

from articles.models import Article, Person
from articles.revisions import record_revision
from tests.editorial.conftest import PRESS_RELEASE
from tests.editorial.test_from_text import review_data

pytestmark = pytest.mark.django_db

SEEDS = Path(settings.DOCUMENTS_DIR)


def import_seeds(tmp_path) -> None:
    call_command(
        "import_documents", str(SEEDS), fixtures_dir=str(tmp_path / "fx"), stdout=io.StringIO()
    )


def item_with_keywords_and_people() -> Article:
    return (
        Article.objects.exclude(kind="teaser")
        .filter(keywords__isnull=False, mentions__isnull=False)
        .distinct()
        .first()
    )


def test_every_imported_item_has_a_version_with_its_keywords_and_people(tmp_path):
    import_seeds(tmp_path)
    items = list(Article.objects.all())
    assert items
    for item in items:
        versions = Version.objects.get_for_object(item)  # a teaser named twice has two
        assert versions.exists()
        assert all(v.revision.comment.startswith("Importiert aus ") for v in versions)
    article = item_with_keywords_and_people()
    revision = Version.objects.get_for_object(article).first().revision
    saved = {v.content_type.model for v in revision.version_set.all()}
    assert {"article", "taggedarticle", "mention"} <= saved


def test_load_archive_leaves_history_for_the_seed_items():
    call_command("load_archive", stdout=io.StringIO())
    assert Article.objects.exists()
    for item in Article.objects.all():
        assert Version.objects.get_for_object(item).count() == 1


def test_the_paste_page_leaves_history_with_keywords_and_people(editor_client):
    url = reverse("admin:articles_article_from_text")
    review = editor_client.post(url, {"step": "parse", "text": PRESS_RELEASE})
    data = review_data(review)
    data["form-0-keywords"] = "Förderprogramm"
    assert editor_client.post(url, data).status_code == 302
    article = Article.objects.get()
    version = Version.objects.get_for_object(article).get()
    assert version.revision.user.username == "redakteurin"
    saved_models = {v.content_type.model for v in version.revision.version_set.all()}
    assert {"article", "taggedarticle", "mention"} <= saved_models


def test_editors_cannot_delete_items_only_withdraw_them(editor_client, make_article):
    article = make_article("Bleibt erhalten")
    delete = reverse("admin:articles_article_delete", args=[article.pk])
    assert editor_client.post(delete, {"post": "yes"}).status_code == 403
    changelist = reverse("admin:articles_article_changelist")
    bulk = {"action": "delete_selected", "_selected_action": [article.pk], "post": "yes"}
    editor_client.post(changelist, bulk)
    assert Article.objects.filter(pk=article.pk).exists()
    actions = editor_client.get(changelist).context["action_form"].fields["action"].choices
    assert "delete_selected" not in [name for name, _ in actions]
    assert "withdraw" in [name for name, _ in actions]


def test_superusers_may_bulk_delete(admin_client, make_article):
    article = make_article("Darf weg")
    changelist = reverse("admin:articles_article_changelist")
    bulk = {"action": "delete_selected", "_selected_action": [article.pk], "post": "yes"}
    assert admin_client.post(changelist, bulk).status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()


def test_a_deleted_imported_item_is_recovered_with_its_keywords_and_people(
    tmp_path, admin_client, editor_client
):
    import_seeds(tmp_path)
    article = item_with_keywords_and_people()
    keywords = sorted(article.keywords.names())
    people = sorted(article.mentions.values_list("person__name", "role"))
    changelist = reverse("admin:articles_article_changelist")
    bulk = {"action": "delete_selected", "_selected_action": [article.pk], "post": "yes"}
    assert admin_client.post(changelist, bulk).status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()

    deleted = Version.objects.get_deleted(Article).get(object_id=str(article.pk))
    recover = reverse("admin:articles_article_recover", args=[deleted.pk])
    page = editor_client.get(recover)
    assert page.status_code == 200 and article.title in page.text
    deleted.revision.revert(delete=True)  # what "Wiederherstellen" saves
    recovered = Article.objects.get(pk=article.pk)
    assert recovered.title == article.title
    assert sorted(recovered.keywords.names()) == keywords
    assert sorted(recovered.mentions.values_list("person__name", "role")) == people


def test_recovering_one_item_leaves_the_others_of_its_import_alone(tmp_path, make_article):
    first = make_article("Erste Meldung", keywords=["Breitband"])
    second = make_article("Zweite Meldung", keywords=["Glasfaser"])
    record_revision([first, second], comment="Importiert")
    Article.objects.filter(pk=second.pk).update(title="Später bearbeitet")
    first_id = first.pk
    first.delete()
    Version.objects.get_deleted(Article).get().revision.revert(delete=True)
    assert Article.objects.get(pk=first_id).title == "Erste Meldung"
    assert Article.objects.get(pk=second.pk).title == "Später bearbeitet"


def test_deleting_people_and_keywords_is_for_superusers(editor_client):
    person = Person.objects.create(name="Heike Taubert", slug="heike-taubert")
    url = reverse("admin:articles_person_delete", args=[person.pk])
    assert editor_client.post(url, {"post": "yes"}).status_code == 403
    assert Person.objects.filter(pk=person.pk).exists()
    assert User.objects.filter(is_superuser=True).count() == 0


def test_an_import_revision_holds_what_django_reversion_would_save(tmp_path):
    """record_revision reads the followed objects in bulk; the content is django-reversion's."""
    import json

    import reversion

    import_seeds(tmp_path)
    article = item_with_keywords_and_people()
    Article.related.through.objects.get_or_create(
        from_article=article, to_article=Article.objects.exclude(pk=article.pk).first()
    )
    ours = record_revision([article], comment="Importiert")[0]
    with reversion.create_revision():
        reversion.add_to_revision(article)
    theirs = Version.objects.get_for_object(article).order_by("-pk").first().revision

    def saved(revision):
        return sorted(
            (v.content_type.model, v.object_id, json.loads(v.serialized_data), v.object_repr)
            for v in revision.version_set.all()
        )

    assert saved(ours) == saved(theirs)
    assert {"article", "taggedarticle", "mention"} <= {model for model, *_ in saved(ours)}
