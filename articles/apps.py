from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Pressearchiv"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.core.signals import request_finished, request_started
        from django.db.models.signals import post_migrate

        from articles import cache, groups, search, signals  # noqa: F401
        from articles.models import ArticleQuerySet

        ArticleQuerySet.matcher = search.matching

        # After auth's own post_migrate handler (permissions): the groups need them.
        post_migrate.connect(groups.ensure_groups, dispatch_uid="archive-editorial-groups")

        request_started.connect(cache.request_started, dispatch_uid="archive-generation-start")
        request_finished.connect(cache.request_finished, dispatch_uid="archive-generation-end")
