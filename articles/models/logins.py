from __future__ import annotations

from django.db import models
from django.utils import timezone


class LoginFailuresQuerySet(models.QuerySet["LoginFailures"]):
    def unlock(self) -> int:
        """Delete these counts, and for a user name's also its address's count across names."""
        addresses = self.exclude(username="").values("address")
        extra = LoginFailures.objects.filter(username="", address__in=addresses)
        count, _ = LoginFailures.objects.filter(
            models.Q(pk__in=self.values("pk")) | models.Q(pk__in=extra.values("pk"))
        ).delete()
        return count


class LoginFailures(models.Model):
    """Failed log-ins counted per address, or per user name from one address (articles.throttle).

    Rows are written with one atomic upsert per attempt, so every server process (and every
    machine on the same database) sees the same counts; deleting a row lifts its lock.
    """

    key = models.CharField("Schlüssel", max_length=255, unique=True)
    address = models.CharField("Adresse", max_length=64)
    username = models.CharField("Benutzername", max_length=150, blank=True)
    failures = models.PositiveIntegerField("Fehlversuche", default=0)
    expires = models.DateTimeField("Zählt bis")

    objects = LoginFailuresQuerySet.as_manager()

    class Meta:
        verbose_name = "Anmeldesperre"
        verbose_name_plural = "Anmeldesperren"
        ordering = ["-expires"]

    def __str__(self) -> str:
        who = self.username or "alle Benutzernamen"
        return f"{self.address} ({who})"

    @property
    def is_active(self) -> bool:
        return self.expires > timezone.now()
