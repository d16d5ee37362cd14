"""Clues of web pages that only the page's frame gives away, one small rule each.

Headlines: a breadcrumb ending with the headline names it ("Startseite » Bildung » Hochschule
baut …" over the headline, a date line and a subtitle); "Headline | Subheadline" above a
release's place and date; a byline run into the headline ('"…" Von Hartmut Muster').
Listings: a press archive of dated entries without headlines, each closed by "Mehr".
Inside the text: another item's teaser box ("Magdeburg Lokales" over its headline), a caption
printed twice, a portrait's alt text, a quote's signature ("Name Chef der Staatskanzlei") that
is repeated without being page furniture, "Goslar." opening the text when the menu names the
place. press.parse and page_lines.read call these; a rule that takes a line out says so in
a warning.
"""

from __future__ import annotations

import re

from articles.ingest import dates
from articles.ingest.furniture import BREADCRUMB, strip_read_more
from articles.ingest.item import ParsedItem, RelatedRef
from articles.ingest.line_kinds import is_date_line, is_prose
from articles.ingest.people import has_given_name, is_role_word
from articles.ingest.sentences import first_sentence

# The section word of a portal's rubric line: "Magdeburg Lokales", "Thüringen Politik"
RUBRIC_WORDS = {
    "lokales", "politik", "sport", "wirtschaft", "panorama", "kultur", "regional", "region",
    "news", "nachrichten", "gesellschaft", "ratgeber", "digital", "lokal",
}  # fmt: skip
CRUMB_SEPARATOR = re.compile(r"\s[>»›]\s")
PIPE = " | "


def crumb_headline(lines: list[str], kept: list[str]) -> str | None:
    """The kept line that a breadcrumb above the text ends with, or None."""
    candidates = {line for line in kept if line and not is_prose(line)}
    for line in lines:
        stripped = line.strip()
        if is_prose(stripped):
            return None  # only breadcrumbs above the text count
        if not BREADCRUMB.search(stripped):
            continue
        last = CRUMB_SEPARATOR.split(stripped)[-1].strip()
        if len(last.split()) >= 3 and last != stripped and last in candidates:
            return last
    return None


def split_piped_headline(lines: list[str], warnings: list[str]) -> list[str]:
    """ "Headline | Subheadline" right above a date line: the headline alone, then the date."""
    out = list(lines)
    for index, line in enumerate(lines):
        if PIPE not in line:
            continue
        stripped = line.strip()
        if is_prose_sentence(stripped) or stripped.count(PIPE) != 1 or len(stripped) > 300:
            continue
        head, tail = (part.strip() for part in stripped.split(PIPE))
        if len(head.split()) < 4 or len(tail.split()) < 4:
            continue
        following = next((later.strip() for later in lines[index + 1 :] if later.strip()), "")
        if len(following) <= 60 and dates.parse_date(following) is not None:
            out[index] = head
            warnings.append(f"subheadline after the headline's pipe left out: {tail[:80]}")
            break
    return out


def subtitle_under(paragraphs: list[str], index: int) -> bool:
    """A short heading line between the headline (and its date line) and the lead: the
    subtitle, no part of the text."""
    if index + 1 >= len(paragraphs):
        return False
    line, lead = paragraphs[index], paragraphs[index + 1]
    heading = not is_prose_sentence(line) and 3 <= len(line.split()) <= 16
    return heading and not is_prose(line) and is_prose(lead) and len(lead) > len(line) * 2


def teaser_box(lines: list[str], index: int) -> RelatedRef | None:
    """A rubric line and a headline set apart inside the text ("Magdeburg Lokales" / "Achtung,
    Baustelle! Hier müssen …"), text above and below: a teaser of another item."""
    if index + 2 >= len(lines) or (index and lines[index - 1].strip()):
        return None
    rubric, title = lines[index].strip(), lines[index + 1].strip()
    words = rubric.lower().split()
    if not (1 <= len(words) <= 3 and words[-1] in RUBRIC_WORDS) or lines[index + 2].strip():
        return None
    if is_prose(title) or title.endswith((".", ":", ",", ";")) or len(title.split()) < 4:
        return None
    following = next((line.strip() for line in lines[index + 2 :] if line.strip()), "")
    return RelatedRef(kicker=rubric, title=title) if is_prose(following) else None


# "Portraitfoto von Benedikt Muster": the alt text of a speaker's picture between paragraphs
PORTRAIT_ALT = re.compile(
    r"^(?:Portr[aä]it(?:foto|bild)?|Profilbild|Foto|Bild)\s+von\s+"
    r"(?:(?:Dr|Prof)\.\s+)*[A-ZÄÖÜ][\w-]+(?:\s+[A-ZÄÖÜ][\w-]+){1,3}$"
)


def take_inline_box(lines: list[str], index: int, item: ParsedItem, kept: list[str]) -> bool:
    """The line at `index` belongs to a box inside the text: another item's teaser (into the
    related items; its headline is the line after the rubric), a picture's alt text and
    caption printed as the same line twice, a portrait's alt text. True when it is taken."""
    line = lines[index].strip()
    if index and teaser_box(lines, index - 1) is not None:
        return True  # the headline of the teaser box taken at the rubric line above
    if PORTRAIT_ALT.match(line):
        item.warnings.append(f"a portrait's alt text removed: {line[:60]}")
        return True
    if kept and kept[-1] == line and lines[index - 1].strip() == line and not is_prose(line):
        kept.pop()
        item.warnings.append(f"caption printed twice removed: {line[:60]}")
        return True
    box = teaser_box(lines, index)
    if box is None:
        return False
    item.related.append(box)
    item.warnings.append(f"teaser box inside the text listed as related: {box.title[:60]}")
    return True


READ_MORE_ENDS = ("mehr", "mehr...", "mehr…", "[mehr]", "weiterlesen", "mehr »", "mehr >")


def dated_listing(lines: list[str]) -> tuple[list[str], list[RelatedRef]] | None:
    """A press archive of entries without headlines: a date line, perhaps a picture's caption
    sentence, a paragraph closed by "Mehr". (the top entry's date and text, the others as
    related items) or None. The entries' first sentences are their titles."""
    closed = sum(line.rstrip().lower().endswith(READ_MORE_ENDS) for line in lines)
    if closed < 3:
        return None  # cheap: an archive's entries end with "Mehr"
    entries: list[tuple[str, str]] = []  # (date line, text)
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        if not is_date_line(line) or len(line) > 40:
            if not entries and is_prose(line):
                return None  # text before the first entry: no listing
            index += 1
            continue
        following = [later.strip() for later in lines[index + 1 : index + 4] if later.strip()]
        caption = following[0] if len(following) >= 2 else ""
        if caption.endswith(".") and len(caption) <= 200 and strip_read_more(caption) == caption:
            following = following[1:]  # the picture's caption over the entry's text
        text = following[0] if following else ""
        if strip_read_more(text) == text or not is_prose(strip_read_more(text)):
            break
        entries.append((line, strip_read_more(text)))
        index += 1
    if len(entries) < 3:
        return None
    related = []
    for date_line, text in entries[1:]:
        title, rest = first_sentence(text)
        found = dates.parse_date(date_line)
        related.append(
            RelatedRef(
                kicker=None,
                title=title.rstrip("."),
                date=found[0] if found else None,
                teaser=rest or None,
            )
        )
    return [entries[0][0], "", entries[0][1]], related


# "Goslar. Bisher …", "Freiberg." alone: a place and a full stop opening the text
PLACE_DOT = re.compile(
    r"^([A-ZÄÖÜ][a-zäöüß]{3,}(?:-[A-ZÄÖÜ][a-zäöüß]+)?)\.(?:\s+(?=[A-ZÄÖÜ„«»\"])|$)"
)


def without_place_datelines(
    paragraphs: list[str], lines: list[str], warnings: list[str]
) -> list[str]:
    """The dateline "Goslar. " before the first paragraphs of text, when the page names that
    place in its masthead or menu (a short line), so a one-word sentence is never taken."""
    out = list(paragraphs)
    for index, paragraph in enumerate(out[:3]):
        found = PLACE_DOT.match(paragraph)
        if found is None or not any(
            found.group(1) in line.split() for line in lines if len(line.split()) <= 3
        ):
            continue
        out[index] = paragraph[found.end() :].strip()
        warnings.append(f"dateline removed: {found.group(1)}")
        break
    return [paragraph for paragraph in out if paragraph]


# '"Den Anschluss nicht verpassen" Von Hartmut Muster': the byline run into the headline
GLUED_HEAD_BYLINE = re.compile(
    r"^(?P<head>\S.{8,200}?)\s+Von\s+(?P<name>[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?"
    r"\s+[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)$"
)


def split_head_byline(lines: list[str], item: ParsedItem) -> list[str]:
    """A headline with "Von Name" after it on its line, above the text: headline and author.
    Only a capital "Von" (a new line's first word) after a headline and a given name count."""
    out = list(lines)
    for index, line in enumerate(lines):
        stripped = line.strip()
        if is_prose(stripped):
            break
        found = GLUED_HEAD_BYLINE.match(stripped)
        if found and has_given_name(found.group("name")) and not item.author:
            out[index] = found.group("head")
            item.author = found.group("name")
            item.warnings.append(f"byline after the headline: {item.author}")
            break
    return out


def signs(line: str) -> bool:
    """ "Benedikt Muster Chef der Staatskanzlei": a quote's signature, a name and an office
    (printed under each of the speaker's quotes, so repeated without being page furniture)."""
    words = line.split()
    if not 3 <= len(words) <= 14 or line.endswith((".", ":", "!", "?")):
        return False
    return has_given_name(" ".join(words[:2])) and is_role_word(words[2])


def is_prose_sentence(text: str) -> bool:
    """A line that ends as a sentence does (a headline does not)."""
    return text.endswith((".", "!", "?", ":", ";", ",")) or not text
