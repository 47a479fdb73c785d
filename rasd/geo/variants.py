"""Spelling variants of Syrian place names, made when the gazetteer is built.

Compound names are written both glued and spaced: OCHA writes "كفر زيتا" where the news
writes "كفرزيتا", and "كفرنبل" where others write "كفر نبل". For a name whose first word
is one of the compound heads below, the other form is a variant; "البوكمال" is also
"أبو كمال". A head is glued to an article ("ديرالزور") only for the big places whose names
people type that way (``glue_article``). Variants are folded keys (rasd.text.normalize); the
build adds one only where it names no other place (see scripts/build_gazetteer.py).

>>> spelling_variants("كفر زيتا")
['كفرزيتا']
>>> spelling_variants("كفرتخاريم")
['كفر تخاريم']
>>> spelling_variants("دير الزور"), spelling_variants("دير الزور", glue_article=True)
([], ['ديرالزور'])
>>> spelling_variants("البوكمال")
['ابو كمال', 'ابوكمال']
>>> spelling_variants("تلال")
[]
"""

from __future__ import annotations

from rasd.text.normalize import normalize_key

__all__ = ["GLUED_HEADS", "spelling_variants"]

# heads written glued to the next word or apart: both forms are made
GLUED_HEADS = ("كفر", "دير", "تل", "عين", "بيت", "خربه", "راس")
# "أبو"/"أم" names are not glued ("أبوبكر" is a person); "البوكمال" alone gets "ابو كمال" and "ابوكمال"
_MIN_REST = 3


def spelling_variants(name: str, glue_article: bool = False) -> list[str]:
    """The other spellings of ``name`` (folded keys), in a stable order, without ``name`` itself."""
    key = normalize_key(name)
    words = key.split()
    out: list[str] = []
    if key.startswith("البو") and len(words[0]) - 4 >= _MIN_REST:  # "البوكمال" ~ "أبو كمال"
        out += [" ".join(["ابو", words[0][4:], *words[1:]]), " ".join(["ابو" + words[0][4:], *words[1:]])]
    if len(words) >= 2:
        out += _glued(words, glue_article)
    else:
        out += _spaced(words)
    return [variant for variant in dict.fromkeys(out) if variant != key]


def _glued(words: list[str], glue_article: bool) -> list[str]:
    """"كفر زيتا" -> "كفرزيتا" (the head joined to the next word; to "ال..." with ``glue_article``)."""
    if len(words) < 2 or words[0] not in GLUED_HEADS or len(words[1]) < 2:
        return []
    if words[1].startswith("ال") and not glue_article:
        return []
    return [" ".join([words[0] + words[1], *words[2:]])]


def _spaced(words: list[str]) -> list[str]:
    """"كفرتخاريم" -> "كفر تخاريم" (a glued head split off a one-word name)."""
    if not words:
        return []
    word = words[0]
    for head in GLUED_HEADS:
        rest = word[len(head):]
        if word.startswith(head) and len(rest) >= _MIN_REST and not rest.startswith("ال" + head):
            return [f"{head} {rest}"]
    return []
