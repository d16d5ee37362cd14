import datetime

import pytest

from articles.models import Article, Document, Link


@pytest.fixture
def archive(make_article, source):
    """A small archive with everything a page can show, and a draft that must stay hidden."""
    document = Document.objects.create(
        file_name="kabinett.txt", sha256="b" * 64, encoding="utf-8",
        raw_text="ROHTEXT DES DOKUMENTS", parser="kommune21@1",
    )  # fmt: skip
    main = make_article(
        "Zweites Digitalisierungskabinett",
        published_on=datetime.date(2018, 12, 13),
        kicker="Thüringen",
        teaser="Verwaltungsdigitalisierung im Fokus.",
        body="Erster Absatz.\n\nZweiter Absatz.",
        author="ba",
        image_credit="Thüringer Staatskanzlei",
        source=source,
        document=document,
        keywords=["Politik", "Digitalisierung"],
        people=[("Hartmut Schubert", "Thüringen-CIO"), ("Valentina Kerst", "Staatssekretärin")],
    )
    Link.objects.create(article=main, position=0, label="Strategie", format="PDF", size="4,4 MB")
    Link.objects.create(article=main, position=1, url="http://www.thueringen.de")
    teaser = make_article(
        "Gemeinsame OZG-Umsetzung", published_on=datetime.date(2018, 7, 23),
        kind=Article.Kind.TEASER, kicker="Schleswig-Holstein", teaser="Land und Kommunen.",
    )  # fmt: skip
    main.related.add(teaser)
    older = make_article(
        "Erster E-Government-Kongress",
        published_on=datetime.date(2018, 11, 9),
        keywords=["Politik"],
        people=[("Hartmut Schubert", "Finanzstaatssekretär")],
    )
    month = make_article(
        "Digitalstrategie Smart State",
        published_on=datetime.date(2025, 12, 1),
        date_precision=Article.DatePrecision.MONTH,
    )
    inferred = make_article(
        "Smart State beschlossen", published_on=datetime.date(2025, 12, 16), date_inferred=True
    )
    undated = make_article("Kongress ohne Datum", published_on=None, keywords=["Politik"])
    draft = make_article(
        "Geheimer Entwurf",
        status=Article.Status.DRAFT,
        keywords=["Politik", "Geheimstichwort"],
        people=[("Hartmut Schubert", "Geheime Rolle"), ("Geheime Person", "Staatssekretär")],
    )
    return {
        "main": main, "teaser": teaser, "older": older, "month": month,
        "inferred": inferred, "undated": undated, "draft": draft,
    }  # fmt: skip
