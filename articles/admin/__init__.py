"""The editorial admin: one module per concern."""

from articles.admin import article, catalogue  # noqa: F401  (registers the model admins)
