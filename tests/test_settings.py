import os
import secrets
import subprocess
import sys

from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse


def test_production_settings_pass_the_deploy_check():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=production_env(DJANGO_ALLOW_ASYNC_UNSAFE=None),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_archive_speaks_german_in_berlin_time():
    assert settings.LANGUAGE_CODE == "de"
    assert settings.TIME_ZONE == "Europe/Berlin"


def production_env(**overrides) -> dict:
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "archiv.example.org",
        "DJANGO_SETTINGS_MODULE": "archive.settings",
    }
    env.pop("HTTPS", None)
    env.pop("HSTS_PRELOAD", None)
    env.update(overrides)
    return {k: v for k, v in env.items() if v is not None}


def read_settings(env: dict, *names: str) -> list[str]:
    code = "from django.conf import settings as s; " + "; ".join(
        f"print(repr(s.{name}))" for name in names
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = production_env(SECRET_KEY=None, ARCHIVE_VAR_DIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
    assert not (tmp_path / "secret_key").exists()  # no key is made up and written silently


def test_development_keeps_a_local_key(tmp_path):
    # A database address of its own: without one the settings would start an embedded
    # PostgreSQL under tmp_path and leave it running after the test.
    env = production_env(
        SECRET_KEY=None, DEBUG="1", ARCHIVE_VAR_DIR=str(tmp_path),
        DATABASE_URL="postgresql://postgres@127.0.0.1:5432/unused",
    )  # fmt: skip
    [key] = read_settings(env, "SECRET_KEY")
    assert key.strip("'") == (tmp_path / "secret_key").read_text().strip()


def test_hsts_preload_is_opt_in():
    assert read_settings(production_env(), "SECURE_HSTS_PRELOAD") == ["False"]
    assert read_settings(production_env(HSTS_PRELOAD="1"), "SECURE_HSTS_PRELOAD") == ["True"]


def test_pages_carry_a_content_security_policy_and_a_permissions_policy(client, db):
    response = client.get(reverse("articles:timeline"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy.split("style-src")[0]
    assert "frame-ancestors 'none'" in policy
    assert "camera=()" in response["Permissions-Policy"]
    admin_login = client.get(reverse("admin:login"))
    assert "Content-Security-Policy" in admin_login.headers


def test_after_log_in_editors_land_on_a_real_page(client, db):
    from django.contrib.auth.models import User

    user = User.objects.create_user("redakteurin", password="x", is_staff=True)
    client.force_login(user)
    assert client.get(resolve_url(settings.LOGIN_REDIRECT_URL)).status_code == 200


def test_page_queries_start_no_parallel_workers(db):
    # Parallel workers cost more to start than a page's queries take (README, "Benchmarks").
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW max_parallel_workers_per_gather")
        assert cursor.fetchone()[0] == "0"
