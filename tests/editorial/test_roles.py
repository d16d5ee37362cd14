"""Who reaches what: every boundary between the public, Recherche and Redaktion."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils import timezone

from articles.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(make_article):
    return make_article("Geheimer Entwurf zur Verwaltungsreform", status=Article.Status.DRAFT)


def admin_urls(article: Article) -> dict[str, str]:
    return {
        "list": reverse("admin:articles_article_changelist"),
        "add": reverse("admin:articles_article_add"),
        "change": reverse("admin:articles_article_change", args=[article.pk]),
        "preview": reverse("admin:articles_article_preview", args=[article.pk]),
        "from_text": reverse("admin:articles_article_from_text"),
        "history": reverse("admin:articles_article_history", args=[article.pk]),
        "recover": reverse("admin:articles_article_recoverlist"),
        "delete": reverse("admin:articles_article_delete", args=[article.pk]),
        "users": reverse("admin:auth_user_changelist"),
    }


ALLOWED = {
    "Recherche": {"list", "change", "preview", "history"},
    "Redaktion": {"list", "add", "change", "preview", "from_text", "history", "recover"},
}


@pytest.mark.parametrize("group", ["Recherche", "Redaktion"])
def test_each_group_reaches_exactly_its_pages(client, member, draft, group):
    client.force_login(member(group, "person"))
    for name, url in admin_urls(draft).items():
        expected = 200 if name in ALLOWED[group] else 403
        assert client.get(url).status_code == expected, (group, name)


@pytest.mark.parametrize("staff", [False, True])
def test_without_staff_status_or_group_nobody_reaches_the_admin(client, draft, staff):
    user = User.objects.create_user("gast", password="x", is_staff=staff)
    if not staff:
        user.groups.add(Group.objects.get(name="Redaktion"))  # a group alone is not enough
    client.force_login(user)
    for name, url in admin_urls(draft).items():
        response = client.get(url)
        assert response.status_code in (302, 403), name
        assert "Geheimer Entwurf" not in response.content.decode()


def test_anonymous_visitors_never_see_drafts_or_scheduled_items(client, draft, make_article):
    scheduled = make_article(
        "Geplante Meldung",
        published_on=datetime.date(2024, 1, 2),
        publish_at=timezone.now() + datetime.timedelta(days=1),
    )
    for article in (draft, scheduled):
        assert client.get(article.get_absolute_url()).status_code == 404
    timeline = client.get(reverse("articles:timeline")).content.decode()
    assert "Geheimer Entwurf" not in timeline and "Geplante Meldung" not in timeline
    for query in ("Verwaltungsreform", "Geplante"):
        found = client.get(reverse("articles:search"), {"q": query}).content.decode()
        assert "Geheimer Entwurf" not in found and "Geplante Meldung" not in found
    for url in admin_urls(draft).values():
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(
            reverse("admin:login")
        )


def test_researcher_can_neither_change_nor_publish_nor_delete(client, researcher, draft):
    client.force_login(researcher)
    url = reverse("admin:articles_article_changelist")
    for action in ("publish", "submit_for_review", "withdraw", "delete_selected"):
        client.post(url, {"action": action, "_selected_action": [draft.pk]})
    delete_url = reverse("admin:articles_article_delete", args=[draft.pk])
    assert client.post(delete_url, {"post": "yes"}).status_code == 403
    refreshed = Article.objects.get(pk=draft.pk)
    assert refreshed.status == Article.Status.DRAFT and refreshed.version == draft.version
    page = client.get(reverse("admin:articles_article_change", args=[draft.pk])).content.decode()
    assert 'name="_save"' not in page  # read-only form


def test_the_publish_action_is_offered_only_to_publishers(client, editor, researcher, draft):
    url = reverse("admin:articles_article_changelist")
    client.force_login(editor)
    assert 'value="publish"' in client.get(url).content.decode()
    client.force_login(researcher)
    assert 'value="publish"' not in client.get(url).content.decode()
