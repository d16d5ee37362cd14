"""Lift log-in locks: for a user name, an address, or all of them (see articles.throttle)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from articles.models import LoginFailures


class Command(BaseCommand):
    help = "Lift log-in locks (failed attempts counted by the log-in throttle)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--user", help="user name: its locks from every address")
        parser.add_argument("--address", help="client address: all its locks")
        parser.add_argument("--all", action="store_true", help="every lock")

    def handle(self, *args, user=None, address=None, all=False, **options) -> None:
        if not (user or address or all):
            raise CommandError("Name --user NAME, --address ADDRESS or --all.")
        rows = LoginFailures.objects.all()
        if not all:
            condition = Q()
            if user:
                condition |= Q(username=user.strip().lower())
            if address:
                condition |= Q(address=address.strip())
            rows = rows.filter(condition)
        count = rows.unlock()
        self.stdout.write(f"{count} lock(s) lifted.")
