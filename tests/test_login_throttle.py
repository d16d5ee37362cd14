"""The log-in throttle: per user name and address, per address, atomic, proxy-aware, unlockable."""

import io
import threading

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse

from articles.models import LoginFailures
from tests import counting_hasher

PASSWORD = "geheim-123"
ATTACKER, EDITOR_DESK = "203.0.113.9", "198.51.100.7"


@pytest.fixture(autouse=True)
def _counting_hasher(settings):
    settings.PASSWORD_HASHERS = ["tests.counting_hasher.CountingHasher"]
    counting_hasher.reset()


@pytest.fixture
def editor(db) -> User:
    return User.objects.create_user("redakteurin", password=PASSWORD, is_staff=True)


def attempt(client: Client, username: str, password: str, address: str = ATTACKER, **headers):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


def test_after_five_failures_the_pair_is_locked_without_checking_the_password(client, editor):
    for _ in range(5):
        assert attempt(client, "redakteurin", "falsch").status_code == 200
    assert counting_hasher.checks == 5
    refused = attempt(client, "redakteurin", PASSWORD)
    assert refused.status_code == 429
    assert "Zu viele Anmeldeversuche" in refused.text
    assert refused["Retry-After"] == "900"
    assert counting_hasher.checks == 5  # the correct password was never even checked


def test_a_stranger_cannot_lock_the_editor_out(client, editor):
    for _ in range(8):
        attempt(client, "redakteurin", "falsch", address=ATTACKER)
    assert attempt(client, "redakteurin", PASSWORD, address=ATTACKER).status_code == 429
    at_her_desk = attempt(Client(), "redakteurin", PASSWORD, address=EDITOR_DESK)
    assert at_her_desk.status_code == 302  # logged in


def test_one_password_against_many_user_names_is_limited_per_address(client, editor):
    for number in range(20):
        assert attempt(client, f"nutzer{number}", "Sommer2024!").status_code == 200
    assert attempt(client, "nutzer-neu", "Sommer2024!").status_code == 429
    assert attempt(client, "redakteurin", PASSWORD).status_code == 429  # the address is locked
    assert attempt(Client(), "redakteurin", PASSWORD, address=EDITOR_DESK).status_code == 302


def test_a_successful_log_in_does_not_count_as_a_failure(client, editor):
    for _ in range(3):
        for _ in range(4):
            attempt(client, "redakteurin", "falsch")
        assert attempt(client, "redakteurin", PASSWORD).status_code == 302
        client.logout()
    address_row = LoginFailures.objects.get(username="", address=ATTACKER)
    assert address_row.failures == 12


@pytest.mark.django_db(transaction=True)
def test_a_parallel_burst_gets_exactly_five_password_checks(editor, settings):
    counting_hasher.CountingHasher.delay = 0.05
    statuses: list[int] = []
    start = threading.Barrier(30)

    def one_attempt() -> None:
        try:
            start.wait()
            statuses.append(attempt(Client(), "redakteurin", "falsch").status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=one_attempt) for _ in range(30)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        counting_hasher.CountingHasher.delay = 0.0
    assert counting_hasher.checks == 5
    assert sorted(statuses) == [200] * 5 + [429] * 25


def test_behind_a_trusted_proxy_each_client_is_counted_by_its_own_address(client, editor, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    for _ in range(5):
        attempt(client, "redakteurin", "falsch", address="127.0.0.1",
                HTTP_X_FORWARDED_FOR=f"10.9.9.9, {ATTACKER}")  # fmt: skip
    locked = attempt(client, "redakteurin", PASSWORD, address="127.0.0.1",
                     HTTP_X_FORWARDED_FOR=ATTACKER)  # fmt: skip
    assert locked.status_code == 429
    other_client = attempt(Client(), "redakteurin", PASSWORD, address="127.0.0.1",
                           HTTP_X_FORWARDED_FOR=EDITOR_DESK)  # fmt: skip
    assert other_client.status_code == 302
    assert set(LoginFailures.objects.values_list("address", flat=True)) == {ATTACKER, EDITOR_DESK}


def test_without_trusted_proxies_a_forged_forwarded_for_changes_nothing(client, editor):
    for number in range(5):
        attempt(client, "redakteurin", "falsch", HTTP_X_FORWARDED_FOR=f"10.0.0.{number}")
    forged = attempt(client, "redakteurin", PASSWORD, HTTP_X_FORWARDED_FOR="10.0.0.99")
    assert forged.status_code == 429


def test_an_administrator_lifts_a_lock_in_the_admin(client, admin_client, editor):
    for _ in range(5):
        attempt(client, "redakteurin", "falsch")
    assert attempt(client, "redakteurin", PASSWORD).status_code == 429
    changelist = reverse("admin:articles_loginfailures_changelist")
    assert "redakteurin" in admin_client.get(changelist).text
    row = LoginFailures.objects.get(username="redakteurin")
    unlock = {"action": "unlock", "_selected_action": [row.pk]}
    assert admin_client.post(changelist, unlock).status_code == 302
    assert attempt(client, "redakteurin", PASSWORD).status_code == 302


def test_unlock_logins_command_lifts_a_user_names_locks(client, editor):
    for number in range(20):
        attempt(client, "redakteurin" if number < 6 else f"x{number}", "falsch")
    assert attempt(client, "redakteurin", PASSWORD).status_code == 429
    out = io.StringIO()
    call_command("unlock_logins", user="Redakteurin", stdout=out)
    assert "lifted" in out.getvalue()
    assert attempt(client, "redakteurin", PASSWORD).status_code == 302


def test_editors_cannot_lift_locks(client, editor):
    from django.contrib.auth.models import Group

    editor.groups.add(Group.objects.get(name="Redaktion"))
    client.force_login(editor)
    assert client.get(reverse("admin:articles_loginfailures_changelist")).status_code == 403
