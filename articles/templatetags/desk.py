"""{% editorial_desk user as desk %}: the admin start page's lists (articles/editorial/desk.py)."""

from django import template

from articles.editorial.desk import desk

register = template.Library()


@register.simple_tag
def editorial_desk(user) -> dict:
    return desk(user)
