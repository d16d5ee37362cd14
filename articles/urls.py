from django.urls import path, re_path

from articles import feeds
from articles.views import archives, article, keywords, people, search, timeline

app_name = "articles"

urlpatterns = [
    path("", timeline.TimelineView.as_view(), name="timeline"),
    path("feed/", feeds.LatestItemsFeed(), name="feed"),
    path("meldungen/<int:year>/", archives.YearArchive.as_view(), name="archive_year"),
    path(
        "meldungen/<int:year>/<int:month>/",
        archives.MonthArchive.as_view(),
        name="archive_month",
    ),
    path(
        "meldungen/<int:year>/<int:month>/<int:day>/<slug:slug>/",
        article.ArticleDetailView.as_view(),
        name="article",
    ),
    path(
        "meldungen/ohne-datum/<slug:slug>/",
        article.ArticleDetailView.as_view(),
        name="article_undated",
    ),
    path("suche/", search.SearchView.as_view(), name="search"),
    re_path(
        r"^suche/export\.(?P<fmt>csv|json)$",
        search.SearchExportView.as_view(),
        name="search_export",
    ),
    path("stichwoerter/", keywords.KeywordIndexView.as_view(), name="keywords"),
    path("stichwoerter/<slug:slug>/", keywords.KeywordView.as_view(), name="keyword"),
    path("stichwoerter/<slug:slug>/feed/", feeds.KeywordFeed(), name="keyword_feed"),
    path("personen/", people.PersonIndexView.as_view(), name="people"),
    path("personen/<slug:slug>/", people.PersonView.as_view(), name="person"),
    path("personen/<slug:slug>/feed/", feeds.PersonFeed(), name="person_feed"),
]
