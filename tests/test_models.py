import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import Article, Keyword, Link, Mention, Person


@pytest.mark.django_db
class TestArticleConstraints:
    def test_slug_is_unique_per_date(self, make_article):
        make_article("Zweites Digitalisierungskabinett")
        with pytest.raises(IntegrityError), transaction.atomic():
            make_article("Zweites Digitalisierungskabinett")
        other_day = make_article(
            "Zweites Digitalisierungskabinett", published_on=datetime.date(2019, 1, 1)
        )
        assert other_day.pk

    def test_undated_items_share_the_slug_space(self, make_article):
        make_article("Ohne Datum", published_on=None)
        with pytest.raises(IntegrityError), transaction.atomic():
            make_article("Ohne Datum", published_on=None)

    @pytest.mark.parametrize(
        "field, value",
        [("status", "online"), ("kind", "blog"), ("date_precision", "week"), ("title", "")],
    )
    def test_database_rejects_invalid_values(self, make_article, field, value):
        fields = {"title": "Gültig", "slug": "gueltig", field: value}
        with pytest.raises(IntegrityError), transaction.atomic():
            Article.objects.create(**fields)

    def test_link_needs_a_label_or_an_address(self, make_article):
        article = make_article()
        Link.objects.create(article=article, position=0, label="Strategie (PDF)")
        with pytest.raises(IntegrityError), transaction.atomic():
            Link.objects.create(article=article, position=1, label="", url="")

    def test_a_person_is_mentioned_once_per_article(self, make_article):
        article = make_article(people=[("Hartmut Schubert", "Thüringen-CIO")])
        person = Person.objects.get(name="Hartmut Schubert")
        with pytest.raises(IntegrityError), transaction.atomic():
            Mention.objects.create(article=article, person=person, role="Staatssekretär")


@pytest.mark.django_db
class TestPublishedQuerySet:
    def test_only_published_items_whose_time_has_come(self, make_article):
        visible = make_article("Veröffentlicht")
        make_article("Entwurf", status=Article.Status.DRAFT)
        make_article("In Prüfung", status=Article.Status.REVIEW)
        make_article("Geplant", publish_at=timezone.now() + datetime.timedelta(days=1))
        past = make_article("Fällig", publish_at=timezone.now() - datetime.timedelta(minutes=1))
        assert set(Article.objects.published()) == {visible, past}

    def test_listed_leaves_out_teasers(self, make_article):
        full = make_article("Volltext")
        make_article("Nur Anreißer", kind=Article.Kind.TEASER)
        assert list(Article.objects.listed()) == [full]


@pytest.mark.django_db
class TestArticleBehaviour:
    def test_every_save_raises_the_version(self, make_article):
        article = make_article()
        assert article.version == 1
        article.title = "Neuer Titel"
        article.save()
        article.save()
        assert article.version == 3
        assert Article.objects.get(pk=article.pk).version == 3

    @pytest.mark.parametrize(
        "precision, expected",
        [("day", "20.12.2016"), ("month", "Dezember 2016"), ("year", "2016")],
    )
    def test_date_is_shown_as_precisely_as_known(self, make_article, precision, expected):
        article = make_article(published_on=datetime.date(2016, 12, 20), date_precision=precision)
        assert article.date_display() == expected

    def test_urls(self, make_article):
        dated = make_article(
            "Erster E-Government-Kongress", published_on=datetime.date(2018, 11, 9)
        )
        undated = make_article("Kongress ohne Datum", published_on=None)
        assert dated.get_absolute_url() == "/meldungen/2018/11/09/erster-e-government-kongress/"
        assert undated.get_absolute_url() == "/meldungen/ohne-datum/kongress-ohne-datum/"
        assert Person(name="X", slug="x").get_absolute_url() == "/personen/x/"
        assert Keyword(name="OZG", slug="ozg").get_absolute_url() == "/stichwoerter/ozg/"

    def test_str(self, make_article):
        article = make_article("Titel", people=[("Valentina Kerst", "Staatssekretärin")])
        assert str(article) == "Titel"
        assert str(article.mentions.get()) == "Staatssekretärin Valentina Kerst"
