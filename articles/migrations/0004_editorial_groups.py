"""The editors' groups: "Redaktion" edits and publishes, "Recherche" searches and reads."""

from django.db import migrations

MODELS = ["article", "person", "mention", "link", "keyword", "taggedarticle", "source", "document"]


def create_groups(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    articles = Permission.objects.filter(content_type__app_label="articles")
    editing = articles.filter(
        codename__in=[f"{action}_{model}" for model in MODELS for action in ("add", "change", "delete", "view")]
    )
    redaktion, _ = Group.objects.get_or_create(name="Redaktion")
    redaktion.permissions.set([*editing, articles.get(codename="publish_article")])
    recherche, _ = Group.objects.get_or_create(name="Recherche")
    recherche.permissions.set(articles.filter(codename__in=[f"view_{model}" for model in MODELS]))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Redaktion", "Recherche"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_publish_permission"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
