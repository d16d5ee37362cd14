import datetime

import pytest
from django.contrib.auth.models import User
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from articles.models import Article, Document, Link, Source

# What no public answer may contain: the titles and names of hidden items, staff fields.
SECRETS = {
    "draft": "ENTWURF-GEHEIM",
    "review": "PRUEFUNG-GEHEIM",
    "scheduled": "SPERRFRIST-GEHEIM",
    "withdrawn": "ZURUECKGEZOGEN-GEHEIM",
}
RAW_TEXT = "ROHTEXT-NUR-FUER-DIE-REDAKTION"
WARNING = "WARNUNG-NUR-FUER-DIE-REDAKTION"


@pytest.fixture(autouse=True)
def _generous_rate_limits(settings):
    """Tests make many requests from one address; the rate limit has its own tests."""
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anonymous": "100000/min", "authenticated": "100000/min"},
    }


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def archive(make_article, source):
    """Public items with all a detail shows, and hidden ones whose names must never leak."""
    document = Document.objects.create(
        file_name="kabinett.txt", sha256="c" * 64, encoding="utf-8", raw_text=RAW_TEXT,
        parser="kommune21@1", warnings=[WARNING],
    )  # fmt: skip
    ministry = Source.objects.create(name="Finanzministerium", slug="finanzministerium",
                                     kind=Source.Kind.MINISTRY)  # fmt: skip
    main = make_article(
        "Zweites Digitalisierungskabinett tagt",
        published_on=datetime.date(2018, 12, 13),
        kicker="Thüringen",
        teaser="Verwaltungsdigitalisierung im Fokus.",
        body="Erster Absatz über Breitband.\n\nZweiter Absatz.",
        author="ba",
        source=source,
        document=document,
        keywords=["Politik", "Digitalisierung"],
        people=[("Hartmut Schubert", "Thüringen-CIO"), ("Valentina Kerst", "Staatssekretärin")],
    )
    Link.objects.create(article=main, position=0, label="Strategie", format="PDF", size="4,4 MB")
    Link.objects.create(article=main, position=1, label="Skript", url="javascript:alert(1)")
    Link.objects.create(article=main, position=2, url="https://www.thueringen.de")
    teaser = make_article(
        "Gemeinsame OZG-Umsetzung", published_on=datetime.date(2018, 7, 23),
        kind=Article.Kind.TEASER, teaser="Land und Kommunen.",
    )  # fmt: skip
    main.related.add(teaser)
    older = make_article(
        "Erster E-Government-Kongress in Erfurt",
        published_on=datetime.date(2016, 11, 9),
        source=ministry,
        keywords=["Politik"],
        people=[("Hartmut Schubert", "Finanzstaatssekretär")],
        kind=Article.Kind.EVENT,
    )
    month = make_article(
        "Breitband für alle Schulen", published_on=datetime.date(2025, 12, 1),
        date_precision=Article.DatePrecision.MONTH, keywords=["Digitalisierung"],
    )  # fmt: skip
    undated = make_article("Leitfaden ohne Datum zur Digitalisierung", published_on=None)
    hidden = [
        make_article(f"{SECRETS['draft']} Breitband", status=Article.Status.DRAFT,
                     keywords=["Geheimwort Entwurf"], people=[("Gerda Geheim", "Ministerin")],
                     source=Source.objects.create(name="Geheimquelle", slug="geheimquelle")),
        make_article(f"{SECRETS['review']} Breitband", status=Article.Status.REVIEW),
        make_article(f"{SECRETS['scheduled']} Breitband",
                     publish_at=timezone.now() + datetime.timedelta(days=3)),
        make_article(f"{SECRETS['withdrawn']} Breitband", keywords=["Rückzugswort"]),
    ]  # fmt: skip
    withdrawn = hidden[-1]
    withdrawn.status = Article.Status.DRAFT  # published once, then withdrawn by an editor
    withdrawn.save()
    main.related.add(hidden[0])
    return {
        "main": main, "teaser": teaser, "older": older, "month": month, "undated": undated,
        "hidden": hidden,
    }  # fmt: skip


@pytest.fixture
def token_for():
    def make(user: User) -> str:
        return Token.objects.create(user=user).key

    return make


def audiences(researcher: User, editor: User, token_for) -> dict[str, APIClient]:
    """Anonymous; researcher by session; editor by token."""
    anonymous = APIClient()
    by_session = APIClient()
    by_session.force_login(researcher)
    by_token = APIClient()
    by_token.credentials(HTTP_AUTHORIZATION=f"Token {token_for(editor)}")
    return {"anonymous": anonymous, "researcher": by_session, "editor": by_token}
