from django.urls import path

from articles.views import pages, search

app_name = "articles"

urlpatterns = [
    path("", pages.TimelineView.as_view(), name="timeline"),
    path(
        "meldungen/<int:year>/<int:month>/<int:day>/<slug:slug>/",
        pages.ArticleDetailView.as_view(),
        name="article",
    ),
    path(
        "meldungen/ohne-datum/<slug:slug>/",
        pages.UndatedArticleDetailView.as_view(),
        name="article_undated",
    ),
    path("suche/", search.SearchView.as_view(), name="search"),
    path("stichwoerter/<slug:slug>/", pages.KeywordView.as_view(), name="keyword"),
    path("personen/<slug:slug>/", pages.PersonView.as_view(), name="person"),
]
