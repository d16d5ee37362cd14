"""What the parser found out about a document, carried signed from the parse step to saving.

The review form sends the decoded text back as a hidden field, but the original bytes (their
hash and encoding) are gone by then. The parse step signs those facts together with a hash of
the text, so the Document row saved later records the file as it arrived, not a re-encoding.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field

from django.core import signing

from articles.ingest import ParsedItem

SALT = "articles.editorial.provenance"


@dataclass
class Provenance:
    sha256: str
    encoding: str
    parser: str
    source_kind: str
    text_sha256: str
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, item: ParsedItem) -> Provenance:
        return cls(
            sha256=item.sha256,
            encoding=item.encoding,
            parser=item.parser,
            source_kind=item.source_kind,
            text_sha256=text_hash(item.text),
            warnings=list(item.warnings),
        )

    def sign(self) -> str:
        return signing.dumps(asdict(self), salt=SALT, compress=True)

    @classmethod
    def load(cls, token: str, text: str) -> Provenance | None:
        """The signed facts, or None when the token was altered or belongs to another text."""
        try:
            data = signing.loads(token, salt=SALT)
            provenance = cls(**data)
        except (signing.BadSignature, TypeError):
            return None
        if provenance.text_sha256 != text_hash(text):
            return None
        return provenance


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
