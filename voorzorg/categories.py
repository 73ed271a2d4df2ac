"""The fixed list of kinds of help (soorten hulp).

Codes are English and stored in the database; labels are Dutch in the interface
(English with ``--lang en``). Body-related care is never a category: a circle does
not do it, and asking for it gets a referral hint instead.
"""

from __future__ import annotations

from voorzorg.errors import VoorzorgError
from voorzorg.i18n import _
from voorzorg.text import fold

CATEGORIES: tuple[str, ...] = (
    "transport",
    "company",
    "errands",
    "odd_jobs",
    "garden",
    "meals",
    "paperwork",
    "digital",
    "pets",
    "checking_in",
    "other",
)

# Words people type for a category, in either language (folded: lower case, no accents).
_ALIASES: dict[str, str] = {
    "vervoer": "transport",
    "rijden": "transport",
    "lift": "transport",
    "gezelschap": "company",
    "boodschappen": "errands",
    "klusjes": "odd_jobs",
    "klussen": "odd_jobs",
    "odd-jobs": "odd_jobs",
    "odd jobs": "odd_jobs",
    "tuin": "garden",
    "maaltijd": "meals",
    "maaltijden": "meals",
    "samen eten": "meals",
    "eten": "meals",
    "administratie": "paperwork",
    "digitale hulp": "digital",
    "digitaal": "digital",
    "computer": "digital",
    "huisdier": "pets",
    "huisdieren": "pets",
    "hond": "pets",
    "even langs": "checking_in",
    "checking-in": "checking_in",
    "checking in": "checking_in",
    "anders": "other",
}

# Body-related care (lichaamsgebonden zorg) is for professionals.
_BODY_CARE = (
    "lichaamsgebonden",
    "persoonlijke verzorging",
    "verzorging",
    "wassen",
    "douchen",
    "aankleden",
    "steunkousen",
    "medicatie",
    "medicijnen geven",
    "wondverzorging",
    "body care",
    "body_care",
    "body-care",
    "personal care",
    "bathing",
    "dressing",
    "wound care",
)


def label(code: str) -> str:
    return _(f"category.{code}")


def is_body_care(text: str) -> bool:
    folded = fold(text).strip()
    return any(word in folded for word in _BODY_CARE)


def parse_category(text: str) -> str:
    """Turn what a user typed (code or Dutch/English label) into a category code."""
    folded = fold(text).strip()
    if folded in CATEGORIES:
        return folded
    if folded.replace("-", "_").replace(" ", "_") in CATEGORIES:
        return folded.replace("-", "_").replace(" ", "_")
    if folded in _ALIASES:
        return _ALIASES[folded]
    for code in CATEGORIES:
        if folded == fold(label(code)):
            return code
    if is_body_care(folded):
        raise VoorzorgError("category.body_care", hint="category.body_care_hint", text=text)
    raise VoorzorgError("category.unknown", text=text, choices=choices())


def choices() -> str:
    """The categories as a user may type them: "vervoer (transport), ..."."""
    return ", ".join(f"{label(code)} ({code})" for code in CATEGORIES)


def parse_categories(text: str | None) -> list[str] | None:
    """Parse ``"vervoer,tuin"``; None stays None (not given), "" is the empty list."""
    if text is None:
        return None
    codes: list[str] = []
    for part in text.split(","):
        if part.strip():
            code = parse_category(part)
            if code not in codes:
                codes.append(code)
    return codes
