import pytest

from articles.models import Article


@pytest.mark.django_db(transaction=True)
def test_reader_opens_an_article_from_the_timeline(live_server, page, make_article):
    make_article("Zweites Digitalisierungskabinett", teaser="Verwaltungsdigitalisierung im Fokus.")
    make_article("Unveröffentlichter Entwurf", status=Article.Status.DRAFT)
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.get_by_text("Unveröffentlichter Entwurf").count() == 0
    page.get_by_role("link", name="Zweites Digitalisierungskabinett").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Zweites Digitalisierungskabinett"
