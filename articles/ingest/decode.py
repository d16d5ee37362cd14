"""Bytes to clean text: detect the encoding, never produce mojibake, normalise."""

from __future__ import annotations

import re
import unicodedata

MAX_BYTES = 5 * 1024 * 1024

# Characters that show UTF-8 read as Windows-1252 ("Ã¼" for "ü").
_MOJIBAKE = re.compile(
    "[ÃÂ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]"
)


# A well-formed UTF-8 multi-byte sequence; Windows-1252 text almost never contains one.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


# Control characters (Unicode category Cc) except tab, line feed, carriage return, form feed.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


class DecodeError(ValueError):
    pass


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name); raise DecodeError with a reason a person understands."""
    if not data or not data.strip():
        raise DecodeError("empty file")
    if len(data) > MAX_BYTES:
        raise DecodeError(f"file too large ({len(data) / 1024 / 1024:.1f} MB, at most 5 MB)")
    if data.startswith(b"\xef\xbb\xbf"):
        text, encoding = _strict(data[3:], "utf-8"), "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = _strict(data, "utf-16"), "utf-16"
    else:
        if b"\x00" in data:
            raise DecodeError("binary file (contains NUL bytes)")
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as utf8_error:
            if _mostly_utf8(data):
                # Reading damaged UTF-8 as Windows-1252 would turn every umlaut into mojibake.
                raise DecodeError(
                    f"undecodable bytes at offset {utf8_error.start} (damaged UTF-8)"
                ) from None
            try:
                text, encoding = data.decode("cp1252"), "windows-1252"
            except UnicodeDecodeError as error:
                raise DecodeError(
                    f"undecodable bytes at offset {error.start} (neither UTF-8 nor Windows-1252)"
                ) from None
    if encoding.startswith("utf-8") and _MOJIBAKE.search(text):
        text = _repair_double_encoding(text)
    if _looks_binary(text):
        raise DecodeError("binary file (mostly control characters)")
    return normalise(text), encoding


def _mostly_utf8(data: bytes) -> bool:
    """More well-formed UTF-8 sequences than stray high bytes: UTF-8 with damage."""
    sequences = len(_UTF8_SEQUENCE.findall(data))
    high = sum(1 for byte in data if byte >= 0x80)
    return sequences > 0 and sequences * 2 >= high - sequences * 2


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise DecodeError(f"undecodable bytes at offset {error.start} ({encoding})") from None


def _repair_double_encoding(text: str) -> str:
    try:
        return text.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = len(_CONTROLS.findall(sample))
    return controls > max(8, len(sample) // 20)


def normalise(text: str) -> str:
    """NFC, LF line ends, no non-breaking or zero-width spaces, no trailing blanks."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    text = _CONTROLS.sub("", text.replace("\f", ""))
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
