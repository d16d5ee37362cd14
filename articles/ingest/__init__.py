"""Raw press documents → ParsedItem. Pure Python: nothing here imports Django."""

from articles.ingest.item import LinkRef, ParsedItem, ParseError, PersonRef, RelatedRef
from articles.ingest.parse import parse_bytes, parse_file

__all__ = [
    "LinkRef",
    "ParseError",
    "ParsedItem",
    "PersonRef",
    "RelatedRef",
    "parse_bytes",
    "parse_file",
]
