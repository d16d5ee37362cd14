"""A snippet's "…" at either end is decided from the text's ends only (articles/snippets.py):
the same answer as normalising the whole text, web addresses and spacing included."""

from hypothesis import given, settings
from hypothesis import strategies as st

from articles.snippets import _END_MARGIN, _Ends, _normal

_WORDS = st.sampled_from(
    ["Breitband", "Thüringen", "https://example.org/a", "www.tmdi.de", "…", "-", "a", "  ", "\n"]
)
_TEXTS = st.lists(_WORDS, max_size=400).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(text=_TEXTS, start=st.integers(0, 2000), size=st.integers(1, 300))
def test_ends_agree_with_the_whole_text(text, start, size):
    whole = _normal(text)
    ends = _Ends(text)
    for plain in (whole[start : start + size], whole[:size], whole[-size:]):
        plain = plain.strip()
        if plain:
            assert ends.starts(plain) == whole.startswith(plain)
            assert ends.ends(plain) == whole.endswith(plain)


def test_a_long_text_is_read_at_its_ends_only():
    text = "Anfang " + "Mitte " * 2000 + "https://example.org/ende Schluss"
    ends = _Ends(text)
    assert ends.starts("Anfang Mitte") and ends.ends("Mitte Schluss")
    assert not ends.starts("Mitte") and not ends.ends("Mitte")
    assert ends.whole is None  # never normalised whole
    assert len(text) > 4 * _END_MARGIN
