from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Pressearchiv"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from articles import signals  # noqa: F401
