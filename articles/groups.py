"""The editors' groups, back after a flush.

Migration 0004 creates "Redaktion" and "Recherche"; `manage.py flush` (and every test that
empties the database between tests) removes them with all other rows. Django creates
permissions again after a flush through post_migrate; this does the same for the groups,
with the rights migration 0004 gives them, and leaves existing groups alone.
"""

from __future__ import annotations

MODELS = ["article", "person", "mention", "link", "keyword", "taggedarticle", "source", "document"]


def ensure_groups(sender, using: str = "default", **kwargs) -> None:
    if getattr(sender, "name", None) != "articles":
        return
    from django.contrib.auth.models import Group, Permission

    if Group.objects.using(using).filter(name__in=["Redaktion", "Recherche"]).count() == 2:
        return
    articles = Permission.objects.using(using).filter(content_type__app_label="articles")
    verbs = ("add", "change", "delete", "view")
    editing = articles.filter(codename__in=[f"{v}_{model}" for model in MODELS for v in verbs])
    redaktion, created = Group.objects.using(using).get_or_create(name="Redaktion")
    if created:
        redaktion.permissions.set([*editing, *articles.filter(codename="publish_article")])
    recherche, created = Group.objects.using(using).get_or_create(name="Recherche")
    if created:
        recherche.permissions.set(articles.filter(codename__in=[f"view_{m}" for m in MODELS]))
