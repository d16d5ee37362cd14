from django.contrib import admin
from django.urls import include, path

from articles.sitemaps import cached_sitemap
from articles.views.site_files import favicon, robots_txt

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", cached_sitemap, name="sitemap"),
    path("api/", include("api.urls")),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
    path("", include("articles.urls")),
]

handler400 = "articles.views.errors.bad_request"
handler403 = "articles.views.errors.permission_denied"
handler404 = "articles.views.errors.page_not_found"
handler500 = "articles.views.errors.server_error"
