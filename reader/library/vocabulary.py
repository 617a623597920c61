"""The values reader knows for `language` and `kind`, and their display names.

Unknown values still load (with a warning): this list only tells a typo from
a real code.
"""

from __future__ import annotations

from reader.settings.i18n import has, t

# ISO 639-1 two-letter codes.
_ISO_639_1 = (
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu "
    "cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi "
    "ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks "
    "ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl "
    "nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl "
    "sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve "
    "vi vo wa wo xh yi yo za zh zu"
)
LANGUAGE_CODES: frozenset[str] = frozenset(_ISO_639_1.split())

KINDS: frozenset[str] = frozenset(
    {
        "analysis",
        "explainer",
        "guide",
        "interview",
        "news",
        "note",
        "opinion",
        "reference",
        "report",
        "review",
    }
)


def is_known_language(code: str) -> bool:
    """True for an ISO 639-1 code, optionally with a region or script (`en-GB`, `sr-Latn`)."""
    return _primary(code) in LANGUAGE_CODES


def language_name(code: str | None) -> str:
    """A readable name for a language code; the code itself when reader has no name for it."""
    if not code:
        return ""
    key = f"language.{_primary(code)}"  # the catalogue names the common ones
    return t(key) if has(key) else code


def kind_name(kind: str) -> str:
    """A known kind in the interface's language (`rapport`); another kind as written."""
    return t(f"kind.{kind}") if kind in KINDS else kind


def _primary(code: str) -> str:
    """`fr` for `fr`, `fr-CA`, `FR_ca`."""
    return code.replace("_", "-").split("-", 1)[0].lower()
