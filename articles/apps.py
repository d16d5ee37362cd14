from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Pressearchiv"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.core.signals import request_finished, request_started

        from articles import cache, signals, throttle  # noqa: F401

        request_started.connect(cache.request_started, dispatch_uid="archive-generation-start")
        request_finished.connect(cache.request_finished, dispatch_uid="archive-generation-end")
