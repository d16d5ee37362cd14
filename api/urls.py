from django.urls import path, re_path
from drf_spectacular.views import SpectacularJSONAPIView

from api.errors import not_found
from api.views import catalogue, docs, entries, facets, items, root

app_name = "api"

SLUG = r"(?P<slug>[-\w]{1,200})"

urlpatterns = [
    path("v1/", root.RootView.as_view(), name="root"),
    path("v1/items/", items.ItemListView.as_view(), name="items"),
    # At most 18 digits: a larger number is no id (and would overflow the database's bigint).
    re_path(r"^v1/items/(?P<pk>[0-9]{1,18})/$", items.ItemDetailView.as_view(), name="item"),
    path("v1/keywords/", catalogue.KeywordListView.as_view(), name="keywords"),
    re_path(rf"^v1/keywords/{SLUG}/$", entries.KeywordDetailView.as_view(), name="keyword"),
    path("v1/people/", catalogue.PersonListView.as_view(), name="people"),
    re_path(rf"^v1/people/{SLUG}/$", entries.PersonDetailView.as_view(), name="person"),
    path("v1/sources/", catalogue.SourceListView.as_view(), name="sources"),
    re_path(rf"^v1/sources/{SLUG}/$", entries.SourceDetailView.as_view(), name="source"),
    path("v1/facets/", facets.FacetView.as_view(), name="facets"),
    path("v1/schema/", SpectacularJSONAPIView.as_view(), name="schema"),
    path("v1/docs/", docs.DocsView.as_view(url_name="api:schema"), name="docs"),
    # Only paths ending in "/": Django adds a missing slash first (APPEND_SLASH).
    re_path(r"^(?P<path>(?:.*/)?)$", not_found),
]
