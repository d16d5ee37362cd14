"""Every document of the corpus of real layouts imports into the database: no crash, no refusal.

The same agency story printed by two outlets has the same title and date; the importer keeps
the first and names the second as a duplicate, which is no failure of the parser.
"""

import contextlib
import io
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.models import Article, Document

CORPUS = Path(__file__).parent.parent / "data" / "corpus"
DUPLICATE = "an item with the same title and date exists already"


@pytest.mark.django_db
def test_the_whole_corpus_imports(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.suppress(SystemExit):  # exit status 1 when some document failed
        call_command(
            "import_documents", str(CORPUS), fixtures_dir=str(tmp_path / "fx"), stdout=out,
            stderr=err,
        )  # fmt: skip
    failures = [line for line in err.getvalue().splitlines() if ": failed: " in line]
    assert all(DUPLICATE in line for line in failures), failures
    documents = len(list(CORPUS.glob("*.txt")))
    assert Document.objects.count() == documents - len(failures)
    assert Article.objects.filter(document__isnull=False).count() == documents - len(failures)
    # A byline name longer than the author field is cut, not a database error.
    assert all(len(a) <= 20 for a in Article.objects.values_list("author", flat=True))
