from django.urls import path, re_path, register_converter

from articles import converters, feeds
from articles.views import archives, article, keywords, people, search, timeline

register_converter(converters.YearConverter, "yyyy")
register_converter(converters.MonthConverter, "mm")
register_converter(converters.DayConverter, "dd")

app_name = "articles"

urlpatterns = [
    path("", timeline.TimelineView.as_view(), name="timeline"),
    path("feed/", feeds.LatestItemsFeed(), name="feed"),
    path("meldungen/<yyyy:year>/", archives.YearArchive.as_view(), name="archive_year"),
    path(
        "meldungen/<yyyy:year>/<mm:month>/",
        archives.MonthArchive.as_view(),
        name="archive_month",
    ),
    path(
        "meldungen/<yyyy:year>/<mm:month>/<dd:day>/<slug:slug>/",
        article.ArticleDetailView.as_view(),
        name="article",
    ),
    # Addresses from before months and days were zero-padded (/meldungen/2018/11/9/…).
    re_path(
        r"^meldungen/(?P<year>[0-9]{4})/(?P<month>[0-9]{1,2})/(?P<day>[0-9]{1,2})/(?P<slug>[-a-zA-Z0-9_]+)/$",
        article.padded_address,
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
