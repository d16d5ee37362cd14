"""Two spellings of one name, and names whose slug grows past its column: no failed document."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article, Keyword, Person

SEED = Path(settings.DOCUMENTS_DIR) / "000_e13c9c0fcba10a5c.txt"
KEYWORDS = "Stichwörter: Politik, Thüringen, Wolfgang Tiefensee, E-Government-Strategie"
TITLE = "Freistaat will Vorreiter für Digitales werden"
# 100 characters that grow to more than 100 in a slug (ä → ae, ß → ss).
LONG_KEYWORD = ("Größenänderungsmaßnahmenübersicht " * 3)[:100].strip()


def document(tmp_path: Path, name: str, title: str, keywords: str, person: str = "") -> Path:
    text = SEED.read_text(encoding="utf-8")
    assert KEYWORDS in text and TITLE in text
    text = text.replace(KEYWORDS, f"Stichwörter: {keywords}").replace(TITLE, title)
    if person:  # the minister of the seed document, under another name
        text = text.replace("Wolfgang Tiefensee", person)
    path = tmp_path / "docs" / f"{name}.txt"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run_import(tmp_path: Path, *paths: Path) -> tuple[int, str]:
    out = io.StringIO()
    try:
        call_command(
            "import_documents", *map(str, paths), fixtures_dir=str(tmp_path / "fx"),
            stdout=out, stderr=out,
        )  # fmt: skip
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    return code, out.getvalue()


@pytest.mark.django_db
def test_a_second_spelling_is_merged_and_named_in_a_warning(tmp_path, client):
    first = document(tmp_path, "a", "Land öffnet seine Daten", "Open Data", "Max Müller")
    second = document(tmp_path, "b", "Kommunen folgen dem Land", "Open-Data", "Max Mueller")
    code, out = run_import(tmp_path, first, second)
    assert code == 0, out
    assert Article.objects.filter(kind="news").count() == 2
    assert list(Keyword.objects.filter(slug__startswith="open-data").values_list("name")) == [
        ("Open Data",)
    ]
    assert Keyword.objects.get(name="Open Data").tagged_articles.count() == 2
    assert "'Open-Data' merged into the existing spelling 'Open Data'" in out
    people = Person.objects.filter(slug__startswith="max-m")
    assert [p.name for p in people] == ["Max Müller"]  # not renamed by the second document
    assert people[0].mentions.count() == 2
    assert "'Max Mueller' merged into the existing spelling 'Max Müller'" in out
    html = client.get(reverse("articles:keyword", args=["open-data"])).text
    assert "Land öffnet seine Daten" in html and "Kommunen folgen dem Land" in html
    # A re-import finds nothing changed: the merged names are what the import wrote.
    code, out = run_import(tmp_path, first, second)
    assert "unchanged          2" in out and "kept" not in out.lower().replace("kept:", "")


@pytest.mark.django_db
def test_two_spellings_in_one_document_become_one_keyword(tmp_path):
    path = document(tmp_path, "a", "Land öffnet seine Daten", "Open Data, Open-Data, Politik")
    code, out = run_import(tmp_path, path)
    assert code == 0, out
    article = Article.objects.get(title="Land öffnet seine Daten")
    assert sorted(article.keywords.names()) == ["Open Data", "Politik"]


@pytest.mark.django_db
def test_a_keyword_whose_slug_grows_past_100_characters_imports(tmp_path, client):
    assert len(LONG_KEYWORD) <= 100
    other = LONG_KEYWORD[:-1] + "X"  # same first 100 slug characters, another keyword
    first = document(tmp_path, "a", "Land öffnet seine Daten", f"{LONG_KEYWORD}, Politik")
    second = document(tmp_path, "b", "Kommunen folgen dem Land", f"{other}, Politik")
    code, out = run_import(tmp_path, first, second)
    assert code == 0, out
    slugs = [Keyword.objects.get(name=name).slug for name in (LONG_KEYWORD, other)]
    assert all(len(slug) <= 100 for slug in slugs) and slugs[0] != slugs[1]
    for slug in slugs:
        assert client.get(reverse("articles:keyword", args=[slug])).status_code == 200


@pytest.mark.django_db
def test_the_paste_page_merges_spellings_and_takes_long_keywords(client, django_user_model):
    from django.contrib.auth.models import Group

    from tests.editorial.conftest import PRESS_RELEASE
    from tests.editorial.test_from_text import URL, review_data

    editor = django_user_model.objects.create_user("ed", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name="Redaktion"))
    client.force_login(editor)
    Keyword.objects.create(name="Open Data", slug="open-data")
    Person.objects.create(name="Max Müller", slug="max-mueller")
    response = client.post(reverse(URL), {"step": "parse", "text": PRESS_RELEASE})
    data = review_data(response)
    data["form-0-keywords"] = f"Open-Data, {LONG_KEYWORD}"
    data["form-0-people"] = "Max Mueller | Bürgermeister"
    page = client.post(reverse(URL), data, follow=True).content.decode()
    article = Article.objects.get()
    assert sorted(article.keywords.names()) == sorted(["Open Data", LONG_KEYWORD])
    assert article.mentions.get().person.name == "Max Müller"
    assert "„Open-Data“ ist eine andere Schreibweise von „Open Data“" in page
    assert len(Keyword.objects.get(name=LONG_KEYWORD).slug) <= 100
