"""The editorial admin: one module per concern."""

from django.contrib import admin
from taggit.models import Tag

from articles.admin import article, catalogue, logins  # noqa: F401  (registers the admins)

admin.site.site_header = "Pressearchiv Thüringen – Redaktion"
admin.site.site_title = "Pressearchiv Thüringen"
admin.site.index_title = "Redaktion"
# The model list lives on the start page; the sidebar would take a quarter of a 1280 px screen.
admin.site.enable_nav_sidebar = False

# Keywords are our own tag model ("Stichwörter"); taggit's default Tag table is unused.
if admin.site.is_registered(Tag):
    admin.site.unregister(Tag)
