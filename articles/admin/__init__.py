"""The editorial admin: one module per concern."""

from django.contrib import admin

from articles.admin import article, catalogue, search  # noqa: F401  (registers the model admins)

admin.site.site_header = "Pressearchiv Thüringen – Redaktion"
admin.site.site_title = "Pressearchiv Thüringen"
admin.site.index_title = "Redaktion"
