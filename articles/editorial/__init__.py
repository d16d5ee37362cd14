"""Pasted or uploaded press releases → reviewed draft articles (used by the admin page
"Neue Meldung aus Text"): check the upload, parse, let the editor correct, save.
"""

from articles.editorial.draft import DraftForm, DraftFormSet, parse_documents, review_formset
from articles.editorial.save import save_drafts
from articles.editorial.upload import SourceTextForm

__all__ = [
    "DraftForm",
    "DraftFormSet",
    "SourceTextForm",
    "parse_documents",
    "review_formset",
    "save_drafts",
]
