"""The article change form: every field an editor sees, with a guard against lost updates."""

from __future__ import annotations

from django import forms

from articles.models import Article


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

    def __init__(self, *args, **kwargs) -> None:
        self.user = kwargs.pop("user", None)
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["loaded_version"] = self.instance.version

    def clean(self):
        data = super().clean()
        if self.instance.pk:
            current = (
                Article.objects.filter(pk=self.instance.pk)
                .values_list("version", flat=True)
                .first()
            )
            loaded = data.get("loaded_version")
            if loaded is not None and current is not None and loaded != current:
                raise forms.ValidationError(
                    "Diese Meldung wurde inzwischen von jemand anderem gespeichert. Ihre "
                    "Eingaben sind unten erhalten: Öffnen Sie die Meldung in einem neuen Tab, "
                    "übernehmen Sie die Änderungen dort und verwerfen Sie diese Fassung."
                )
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
