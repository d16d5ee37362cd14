"""The article change form: every field an editor sees, with a guard against lost updates."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from reversion.models import Version

from articles.models import Article

CONFLICT = (
    "Diese Meldung wurde inzwischen {who} gespeichert (Bearbeitungsstand {current}, Ihre "
    "Fassung beruht auf Stand {loaded}). Nichts wurde überschrieben; Ihre Eingaben stehen unten. "
    "Vergleichen Sie mit der anderen Fassung (Versionsgeschichte, in einem neuen Tab). Wenn Sie "
    "jetzt erneut speichern, gilt Ihre Fassung – die andere bleibt in der Versionsgeschichte "
    "erhalten und kann wiederhergestellt werden."
)


class ArticleAdminForm(forms.ModelForm):
    # The version the editor started from; a different one in the database means someone
    # else saved in between, and saving now would silently overwrite their work.
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Article
        # Keywords are edited through the keyword inline (with autocomplete).
        fields = [
            "kicker", "title", "slug", "teaser", "body", "published_on", "date_precision",
            "date_inferred", "status", "publish_at", "kind", "author", "category", "image_credit",
            "source", "related", "document",
        ]  # fmt: skip

    def __init__(self, *args, user=None, current_version: int | None = None, **kwargs) -> None:
        """`current_version`: the stored version when the instance is not what is stored
        (restoring an earlier version shows that version's data, but replaces the current one).
        """
        self.user = user
        super().__init__(*args, **kwargs)
        self.current_version = current_version
        if self.instance.pk and not self.is_bound:
            self.initial["loaded_version"] = self.stored_version()

    def stored_version(self) -> int | None:
        if self.current_version is not None:
            return self.current_version
        return Article.objects.filter(pk=self.instance.pk).values_list("version", flat=True).first()

    def clean(self):
        data = super().clean()
        if self.instance.pk:
            self._check_version(data.get("loaded_version"))
        publishing = data.get("status") == Article.Status.PUBLISHED
        was_published = self.instance.pk and self.instance.status == Article.Status.PUBLISHED
        if (
            publishing
            and not was_published
            and self.user
            and not self.user.has_perm("articles.publish_article")
        ):
            self.add_error("status", "Sie dürfen Meldungen nicht veröffentlichen.")
        return data

    def _check_version(self, loaded: int | None) -> None:
        current = self.stored_version()
        if loaded is None or current is None or loaded == current:
            return
        # The form shown again carries the current version: saving once more is a deliberate
        # decision to replace the other version (which history keeps), never an accident.
        self.data = self.data.copy()
        self.data[self.add_prefix("loaded_version")] = str(current)
        raise forms.ValidationError(
            CONFLICT.format(who=self._last_saved_by(), current=current, loaded=loaded),
            code="conflict",
        )

    def _last_saved_by(self) -> str:
        version = (
            Version.objects.get_for_object_reference(Article, self.instance.pk)
            .select_related("revision__user")
            .first()
        )
        if version is None:
            return "von jemand anderem"
        revision = version.revision
        when = timezone.localtime(revision.date_created).strftime("%d.%m.%Y um %H:%M Uhr")
        who = revision.user.get_username() if revision.user else "jemand anderem"
        return f"von {who} (am {when})"

    def save(self, commit: bool = True) -> Article:
        # Restoring an earlier version must still raise the stored version number, so that
        # forms opened before the restore are recognised as out of date.
        stored = self.current_version
        if stored is not None and self.instance.version <= stored:
            self.instance.version = stored
        return super().save(commit)
