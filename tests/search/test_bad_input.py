"""Whatever people type, the search answers with a normal page."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query, notice",
    [
        ("", None),
        ("   ", None),
        ("OR", "nicht nur Operatoren"),
        ('- -- OR ""', "nicht nur Operatoren"),
        ('"unbalanced quote', None),
        ("x" * 10_000, "auf 200 Zeichen gekürzt"),
        ("'; DROP TABLE articles_article; --", None),
        ("a:b & c | d ! e <-> f", None),
        ("🙂 Thüringen 🏛", None),
        ("Null\x00Byte", None),
        ("\\\\ %% _ ** (( ))", None),
    ],
)
def test_bad_queries_give_a_normal_page(client, make_article, query, notice):
    make_article("Breitband in Thüringen")
    response = client.get(reverse("articles:search"), {"q": query})
    assert response.status_code == 200
    if notice:
        assert notice in response.text


@pytest.mark.parametrize(
    "params",
    [{"jahr": "abc"}, {"jahr": "99999999999999999999"}, {"von": "gestern"},
     {"sortierung": "evil"}, {"art": "<script>"}, {"stichwort": "a b"},
     {"stichwort": "gibt-es-nicht"}, {"person": "niemand"}, {"quelle": "nirgends"},
     {"stichwort": "gibt-es-nicht", "sortierung": "datum"}],
)  # fmt: skip
def test_bad_filters_give_a_normal_page(client, make_article, params):
    make_article("Breitband in Thüringen")
    response = client.get(reverse("articles:search"), {"q": "Breitband", **params})
    assert response.status_code == 200
    assert "<script>" not in response.text.split("</header>", 1)[1]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=300))
def test_random_queries_never_fail(client, query):
    response = client.get(reverse("articles:search"), {"q": query})
    assert response.status_code == 200


# Words the search reads in several ways (compounds, synonyms, hyphens, prefixes) and the
# operators people type around them.
_WORDS = ["Digitalisierung", "Verwaltungsportal", "Breitbandausbau", "OZG", "E-Akte",
          "Online-Zugangsgesetz", "Digi*", "Bürgerportal", "Thüringen", "Glasfaser"]  # fmt: skip
_TOKENS = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(_WORDS).map(lambda word: "-" + word),
    st.sampled_from(_WORDS).map(lambda word: f'"{word} Thüringen"'),
    st.sampled_from(_WORDS).map(lambda word: f'-"{word} Thüringen"'),
    st.sampled_from(["OR", "-", '"', "*", "|", "!", "&", "(", ")"]),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(tokens=st.lists(_TOKENS, min_size=1, max_size=6))
def test_queries_of_real_words_and_operators_never_fail(client, tokens):
    response = client.get(reverse("articles:search"), {"q": " ".join(tokens)})
    assert response.status_code == 200
