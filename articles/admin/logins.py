"""Log-in locks: who is locked out from where, and lifting a lock (deleting its row)."""

from __future__ import annotations

from django.contrib import admin, messages

from articles.models import LoginFailures
from articles.throttle import limits


@admin.register(LoginFailures)
class LoginFailuresAdmin(admin.ModelAdmin):
    list_display = ["address", "username", "failures", "expires", "locked"]
    search_fields = ["address", "username"]
    readonly_fields = ["key", "address", "username", "failures", "expires"]
    actions = ["unlock"]

    @admin.display(description="Gesperrt", boolean=True)
    def locked(self, row: LoginFailures) -> bool:
        per_user, per_address, _ = limits()
        return row.is_active and row.failures >= (per_user if row.username else per_address)

    @admin.action(description="Sperre aufheben", permissions=["delete"])
    def unlock(self, request, queryset) -> None:
        count = queryset.unlock()
        messages.success(request, f"{count} Sperre(n) aufgehoben.")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
