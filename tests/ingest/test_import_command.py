"""import_documents: idempotent, transactional per document, careful with editors' work."""

import io
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from articles.models import Article, Document, Mention, Person

SEEDS = Path(settings.DOCUMENTS_DIR)
AWKWARD = Path(__file__).parent.parent / "data" / "awkward"


def run(*args, tmp_path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(
            "import_documents", *map(str, args), fixtures_dir=str(tmp_path / "fx"),
            stdout=out, stderr=err,
        )  # fmt: skip
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    return code, out.getvalue(), err.getvalue()


def counts() -> dict:
    return {
        "articles": Article.objects.count(),
        "documents": Document.objects.count(),
        "people": Person.objects.count(),
        "mentions": Mention.objects.count(),
        "versions": sorted(Article.objects.values_list("slug", "version")),
    }


@pytest.mark.django_db
def test_importing_the_seeds_twice_changes_nothing(tmp_path):
    code, out, _ = run(SEEDS, tmp_path=tmp_path)
    assert code == 0
    assert "created            5" in out
    first = counts()
    assert first["articles"] == 19  # 5 items and 14 teaser-only related items
    assert Article.objects.listed().count() == 5
    code, out, _ = run(SEEDS, tmp_path=tmp_path)
    assert code == 0
    assert "skipped            5" in out and "Nothing changed" in out
    assert counts() == first


@pytest.mark.django_db
def test_the_same_person_is_one_row_across_documents(tmp_path):
    run(SEEDS, tmp_path=tmp_path)
    schubert = Person.objects.get(name="Hartmut Schubert")
    assert schubert.mentions.count() == 2
    assert set(schubert.mentions.values_list("role", flat=True)) == {
        "Thüringen-CIO",
        "Finanzstaatssekretär und Beauftragter für E-Government und IT im Freistaat",
    }


@pytest.mark.django_db
def test_bad_files_fail_alone_with_one_clear_line_each(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(AWKWARD, docs)
    shutil.copy(SEEDS / "000_e13c9c0fcba10a5c.txt", docs)
    (docs / "huge.txt").write_bytes(b"a" * (5 * 1024 * 1024 + 10))
    code, out, err = run(docs, tmp_path=tmp_path)
    assert code == 1
    lines = [line for line in err.splitlines() if "failed" in line]
    assert len(lines) == 5
    for name, reason in [
        ("empty.txt", "empty file"),
        ("binary.txt", "binary"),
        ("undecodable.txt", "undecodable"),
        ("no_title.txt", "no recognisable title"),
        ("huge.txt", "too large"),
    ]:
        assert any(name in line and reason in line for line in lines), (name, lines)
    assert "created            1" in out and "failed             5" in out
    assert Article.objects.listed().count() == 1


@pytest.mark.django_db
def test_a_failing_document_leaves_nothing_behind(tmp_path):
    """The database refuses one document of a batch (a title longer than the column): that
    document leaves nothing behind, the other documents of the same batch are written."""
    docs = tmp_path / "docs"
    shutil.copytree(SEEDS, docs)
    (docs / "long.txt").write_text(
        "Thüringen:\n" + "Sehr langer Titel " * 20 + "\n\n[18.4.2024] Das Kabinett hat "
        "beschlossen.\n\nDer volle Text der Meldung.\n\nWeitere Meldungen und Beiträge\n\n"
        "Sachsen: Neue Teaser-Meldung\n[17.4.2024] Ein Anreißer. mehr...\n"
    )
    code, out, err = run(docs, tmp_path=tmp_path)
    assert code == 1 and "long.txt: failed: database refused the item" in err
    assert "created            5" in out
    assert not Article.objects.filter(import_ref="file:long.txt").exists()
    assert not Document.objects.filter(file_name="long.txt").exists()
    assert not Article.objects.filter(title__startswith="Neue Teaser").exists()
    assert Article.objects.listed().count() == 5


def edited_copy(tmp_path, replace: tuple[str, str]) -> Path:
    folder = tmp_path / "v2"
    folder.mkdir(exist_ok=True)
    source = SEEDS / "001_571333d6ca442d97.txt"
    text = source.read_text().replace(*replace)
    target = folder / source.name
    target.write_text(text)
    return target


@pytest.mark.django_db
def test_a_changed_document_updates_its_item_and_keeps_each_version(tmp_path):
    run(SEEDS / "001_571333d6ca442d97.txt", tmp_path=tmp_path)
    article = Article.objects.get(import_ref="file:001_571333d6ca442d97.txt")
    changed = edited_copy(tmp_path, ("rund 115 Millionen Euro", "rund 120 Millionen Euro"))
    code, out, _ = run(changed, tmp_path=tmp_path)
    assert code == 0 and "updated            1" in out
    article.refresh_from_db()
    assert "120 Millionen" in article.body
    assert article.document.sha256 != Document.objects.order_by("imported_at").first().sha256
    assert Document.objects.filter(file_name=changed.name).count() == 2
    assert Article.objects.filter(import_ref=article.import_ref).count() == 1


@pytest.mark.django_db
def test_editors_changes_survive_a_reimport_and_are_reported(tmp_path):
    run(SEEDS / "001_571333d6ca442d97.txt", tmp_path=tmp_path)
    article = Article.objects.get(import_ref="file:001_571333d6ca442d97.txt")
    article.title = "Zweites Digitalisierungskabinett tagt"
    article.save()
    changed = edited_copy(tmp_path, ("rund 115 Millionen Euro", "rund 120 Millionen Euro"))
    code, out, _ = run(changed, tmp_path=tmp_path)
    assert code == 0
    assert "kept editors' changes to title" in out
    article.refresh_from_db()
    assert article.title == "Zweites Digitalisierungskabinett tagt"
    assert "120 Millionen" in article.body


@pytest.mark.django_db
def test_a_teaser_is_filled_in_place_when_its_full_article_arrives(tmp_path):
    run(SEEDS / "001_571333d6ca442d97.txt", tmp_path=tmp_path)
    teaser = Article.objects.get(title="E-Government-Gesetz wird novelliert")
    assert teaser.kind == Article.Kind.TEASER
    full = tmp_path / "full.txt"
    full.write_text(
        "Thüringen:\nE-Government-Gesetz wird novelliert\n\n"
        "[18.4.2024] Das Landeskabinett Thüringen hat die Novellierung beschlossen.\n\n"
        "Der volle Text der Meldung mit allen Einzelheiten. (ve)\n"
    )
    code, _, _ = run(full, tmp_path=tmp_path)
    assert code == 0
    upgraded = Article.objects.get(pk=teaser.pk)
    assert upgraded.kind == Article.Kind.NEWS
    assert upgraded.body.startswith("Der volle Text")
    assert Article.objects.filter(title="E-Government-Gesetz wird novelliert").count() == 1
    # Importing the listing again does not turn the full article back into a teaser.
    changed = edited_copy(tmp_path, ("rund 115 Millionen Euro", "rund 120 Millionen Euro"))
    run(changed, tmp_path=tmp_path)
    assert Article.objects.get(pk=teaser.pk).kind == Article.Kind.NEWS


def test_parse_documents_json_interface(capsys):
    with pytest.raises(SystemExit) as exit_:
        call_command("parse_documents", str(SEEDS / "000_e13c9c0fcba10a5c.txt"),
                     str(AWKWARD / "empty.txt"), "--json")  # fmt: skip
    assert exit_.value.code == 1
    import json

    result = json.loads(capsys.readouterr().out)
    assert result[0]["title"] == "Freistaat will Vorreiter für Digitales werden"
    assert set(result[0]) == {
        "file", "source_kind", "kicker", "title", "date", "date_precision", "teaser", "body",
        "author", "category", "image_credit", "keywords", "people", "links", "related", "warnings",
    }  # fmt: skip
    assert result[1] == {"file": "empty.txt", "error": "empty file"}


def test_seed_fixture_is_current(tmp_path):
    out = tmp_path / "seed.json"
    call_command("build_fixture", output=str(out), stdout=io.StringIO())
    assert out.read_bytes() == Path(settings.SEED_FIXTURE).read_bytes(), (
        "fixtures/seed_archive.json is stale: run `make fixtures`"
    )


@pytest.mark.django_db
def test_load_archive_loads_the_seed_archive_once(make_article):
    call_command("load_archive", stdout=io.StringIO())
    loaded = counts()
    assert loaded["articles"] == 19
    assert Article.objects.filter(search_text__contains="Tiefensee").exists()
    article = Article.objects.get(title="Erster E-Government-Kongress")
    article.teaser = "Von der Redaktion gekürzt."
    article.save()
    out = io.StringIO()
    call_command("load_archive", stdout=out)
    assert "already loaded" in out.getvalue()
    assert Article.objects.get(pk=article.pk).teaser == "Von der Redaktion gekürzt."
