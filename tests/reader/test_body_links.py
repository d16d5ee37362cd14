"""A body's lines read as urlize() reads them, the lines without any address included."""

from django.utils.html import urlize
from hypothesis import given
from hypothesis import strategies as st

from articles.templatetags.archive_tags import _linked

PIECES = [
    "Thüringen", "www.thueringen.de", "https://example.org/a?b=1&c=<2>", "info@tmil.de",
    "(http://x.de).", "EXAMPLE.COM", "a.NET/b", "mail:", "Stand: 12.03.2024", " ", "\t",
    "&amp;", "<b>", '"zitiert"', "'", "ftp://x.de", "@", "foo.org,", "x@y", "WWW.", ".gov",
]  # fmt: skip


@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=12), max_size=12))
def test_every_line_reads_as_urlize_reads_it(parts):
    line = "".join(parts)
    assert _linked(line) == urlize(line, nofollow=True, autoescape=True)


def test_plain_text_is_escaped_and_addresses_linked():
    assert _linked('Bund & Länder <"neu">') == "Bund &amp; Länder &lt;&quot;neu&quot;&gt;"
    assert 'href="http://www.thueringen.de"' in _linked("Mehr: www.thueringen.de.")
