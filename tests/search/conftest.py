import pytest
from django.contrib.auth.models import Permission, User
from django.core.cache import cache
from django.core.management import call_command


@pytest.fixture
def seeds(db):
    """The seed archive as `make run` loads it."""
    cache.clear()  # the did-you-mean vocabulary is cached
    call_command("load_archive", verbosity=0)


@pytest.fixture
def staff_client(client, db):
    user = User.objects.create_user("recherche", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(user)
    return client
