"""Lexicons for numbers and counted nouns, read from ``rasd/data``.

``number_words.tsv`` holds the number words, the approximate words (عشرات, مئات),
the hedges (أكثر من, نحو, على الأقل) and the context words that make a number
something other than a count (years, labels, times, percentages, ages).
``quantity_nouns.tsv`` maps the nouns that numbers count to a unit and, where the
noun implies one, an event kind (قتيل -> killed).

All forms are stored normalised (:func:`rasd.text.normalize.normalize_key`). Both
lexicons are loaded once per process through cached ``load`` functions; the objects
are plain frozen dataclasses, so they pickle.

>>> lexicon = NounLexicon.load()
>>> entry = lexicon.match("وقتيلين")
>>> entry.lemma, entry.kind, entry.number, entry.definite
('قتيل', 'killed', 'dual', False)
>>> lexicon.match("العناصر").unit
'fighters'
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from rasd.errors import DataError
from rasd.text.normalize import normalize_key

__all__ = [
    "HEDGE_PREFIXES", "PROCLITICS", "RANGE_PREFIXES", "NounEntry", "NounLexicon", "NumberLexicon", "read_data_rows",
]

PROCLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")
HEDGE_PREFIXES = ("", "و", "ف", "ب", "ل")  # what a hedge before a number may carry: "وأكثر من"
RANGE_PREFIXES = PROCLITICS + ("ال", "وال", "بال", "وبال", "فال", "لل", "ولل")
_SUFFIXES = ("هما", "هم", "هن", "ها", "نا", "كم", "ه")
_PROCLITICS = PROCLITICS
_ARTICLES = ("ال", "لل")
_NO_ALIF = ("ا", "ه", "ين", "ون", "ان", "ات", "اء")


def read_data_rows(name: str, columns: int) -> list[tuple[str, ...]]:
    """Rows of a TSV file under ``rasd/data``: comments and blank lines skipped, padded."""
    try:
        text = resources.files("rasd.data").joinpath(name).read_text(encoding="utf-8")
    except OSError as error:
        raise DataError("D301", f"cannot read rasd/data/{name}: {error}; reinstall rasd") from error
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) > columns or not parts[0].strip():
            raise DataError("D302", f"rasd/data/{name}:{number}: expected at most {columns} tab-separated columns")
        rows.append(tuple(p.strip() for p in parts) + ("",) * (columns - len(parts)))
    return rows


@dataclass(frozen=True, slots=True)
class NumberLexicon:
    """Number words and the words around numbers, keyed by normalised form.

    ``atoms`` maps a word to ``(role, value)`` for the number grammar; ``ranges``
    maps approximate words to ``(role, min, max)``; ``hedges`` / ``post_hedges`` map a
    tuple of words to a hedge role; ``markers`` maps a context role to its words;
    ``starters`` maps every word that can open a number phrase, proclitics included
    ("بعشرات", "والآلاف"), to its ``(proclitics, stem)``. ``hedge_ends`` holds the
    words a hedge before a number can end with (its last word, or a one-word hedge with
    the proclitics it may take); ``post_firsts`` the first words of the hedges after one.
    """

    atoms: dict[str, tuple[str, int | float]]
    ranges: dict[str, tuple[str, int, int]]
    hedges: dict[tuple[str, ...], str]
    post_hedges: dict[tuple[str, ...], str]
    markers: dict[str, frozenset[str]]
    starters: dict[str, tuple[str, str]]
    hedge_ends: frozenset[str] = frozenset()
    post_firsts: frozenset[str] = frozenset()

    @classmethod
    def load(cls) -> NumberLexicon:
        """The packaged lexicon (read once per process)."""
        return _load_numbers()

    def marker(self, role: str, word: str) -> bool:
        """True when ``word`` (normalised) is a context word of ``role``."""
        return word in self.markers.get(role, ())


_ATOM_ROLES = frozenset({"unit", "ten_word", "tens", "hundred", "scale", "scale_dual", "scale_plural", "scale_construct",
                         "fraction"})
_RANGE_ROLES = frozenset({"vague", "few", "some"})


@functools.lru_cache(maxsize=1)
def _load_numbers() -> NumberLexicon:
    atoms: dict[str, tuple[str, int | float]] = {}
    ranges: dict[str, tuple[str, int, int]] = {}
    hedges: dict[tuple[str, ...], str] = {}
    post: dict[tuple[str, ...], str] = {}
    markers: dict[str, set[str]] = {}
    for form, role, value in read_data_rows("number_words.tsv", 3):
        key = normalize_key(form)
        if role in _ATOM_ROLES:
            atoms[key] = (role, float(value) if "." in value else int(value))
        elif role in _RANGE_ROLES:
            low, _, high = value.partition("-")
            ranges[key] = (role, int(low or 0), int(high or 0))
        elif role.startswith("hedge_"):
            hedges[tuple(key.split())] = role[6:]
        elif role.startswith("post_"):
            post[tuple(key.split())] = role[5:]
        else:
            markers.setdefault(role, set()).add(key)
    frozen = {role: frozenset(words) for role, words in markers.items()}
    ends = {key[-1] for key in hedges if len(key) > 1}
    ends.update(prefix + key[0] for key in hedges if len(key) == 1 for prefix in HEDGE_PREFIXES)
    return NumberLexicon(
        atoms, ranges, hedges, post, frozen, _starters(atoms, ranges),
        hedge_ends=frozenset(ends), post_firsts=frozenset(key[0] for key in post),
    )


def _starters(atoms: dict, ranges: dict) -> dict[str, tuple[str, str]]:
    """Proclitic + stem for every word that opens a number phrase; short stems take only "و"."""
    starters: dict[str, tuple[str, str]] = {}
    for prefix in RANGE_PREFIXES:
        for stem in atoms:
            if prefix in PROCLITICS and (len(stem) > 2 or prefix in ("", "و")):
                starters.setdefault(prefix + stem, (prefix, stem))
        for stem, (role, _, _) in ranges.items():
            if prefix in PROCLITICS or role == "vague":
                starters.setdefault(prefix + stem, (prefix, stem))
    return starters


@dataclass(frozen=True, slots=True)
class NounEntry:
    """A counted noun as matched in text: lemma, unit, implied kind, number, definiteness."""

    lemma: str
    cls: str
    unit: str
    kind: str | None
    number: str  # singular | dual | plural
    definite: bool = False


@dataclass(frozen=True, slots=True)
class NounLexicon:
    """Counted nouns by normalised form (article and suffix stripped at match time)."""

    forms: dict[str, NounEntry]
    bare: dict[str, tuple[str, NounEntry]]

    @classmethod
    def load(cls) -> NounLexicon:
        """The packaged lexicon (read once per process)."""
        return _load_nouns()

    def match(self, word: str, proclitics: bool = True) -> NounEntry | None:
        """The entry of a normalised word, trying proclitics (و, ب, ...), the article and suffixes."""
        forms = self.forms
        for prefix in _PROCLITICS if proclitics else ("",):
            if not word.startswith(prefix):
                continue
            stem = word[len(prefix):]
            entry = forms.get(stem)
            if entry is not None:
                return entry
            for article in _ARTICLES:
                if stem.startswith(article) and len(stem) > len(article) + 1:
                    base = stem[len(article):] if article == "ال" else stem[2:]
                    entry = forms.get(base)
                    if entry is not None:
                        return _definite(entry)
            entry = self._match_suffixed(stem)
            if entry is not None:
                return entry
        return None

    def match_bare(self, word: str) -> tuple[str, NounEntry] | None:
        """(proclitics, entry) for an indefinite word: no article, no suffix ("وقتيلين")."""
        return self.bare.get(word)

    def _match_suffixed(self, stem: str) -> NounEntry | None:
        """A possessed form: علمائه -> علماء, مقاتليهم -> مقاتلي."""
        for suffix in _SUFFIXES:
            if stem.endswith(suffix) and len(stem) > len(suffix) + 1:
                base = stem[: -len(suffix)]
                entry = self.forms.get(base)
                if entry is None and base.endswith("ي"):
                    entry = self.forms.get(base[:-1] + "ء")
                if entry is None and base.endswith("ت"):
                    entry = self.forms.get(base[:-1] + "ه")
                if entry is not None:
                    return _definite(entry)
        return None


def _definite(entry: NounEntry) -> NounEntry:
    return NounEntry(entry.lemma, entry.cls, entry.unit, entry.kind, entry.number, True)


@functools.lru_cache(maxsize=1)
def _load_nouns() -> NounLexicon:
    forms: dict[str, NounEntry] = {}
    excluded: set[str] = set()
    for lemma, cls, unit, kind, singulars, plurals in read_data_rows("quantity_nouns.tsv", 6):
        if cls == "exclude":
            excluded.update(normalize_key(s) for s in singulars.split(","))
            continue
        implied = None if kind in ("", "-") else kind
        plural_keys = {normalize_key(p) for p in plurals.split(",") if p and p != "-"}
        for plural in plural_keys:
            entry = NounEntry(lemma, cls, unit, implied, "plural")
            for variant in _plural_variants(plural):
                forms.setdefault(variant, entry)
        for singular in (normalize_key(s) for s in singulars.split(",") if s and s != "-"):
            entry = NounEntry(lemma, cls, unit, implied, "singular")
            accusatives = [] if cls == "nationality" else _accusative(singular)
            for variant in (singular, *accusatives):
                forms.setdefault(variant, entry)
            for dual in _duals(singular):
                if dual not in plural_keys:
                    forms.setdefault(dual, NounEntry(lemma, cls, unit, implied, "dual"))
    for word in excluded:
        forms.pop(word, None)
    bare = {prefix + form: (prefix, entry) for prefix in reversed(PROCLITICS) for form, entry in forms.items()}
    return NounLexicon(forms, bare)


def _plural_variants(plural: str) -> list[str]:
    """A plural, its accusative and, for sound plurals, its construct form."""
    variants = [plural, *_accusative(plural)]
    if plural.endswith(("ين", "ون")) and len(plural) > 4:
        variants.append(plural[:-1])
    return variants


def _accusative(form: str) -> list[str]:
    """The accusative with tanwin alif (عنصرا, مدنيا), where the form takes one."""
    return [] if form.endswith(_NO_ALIF) else [form + "ا"]


def _duals(singular: str) -> list[str]:
    """Nominative and oblique duals; ta marbuta becomes ta (غاره -> غارتين)."""
    stem = singular[:-1] + "ت" if singular.endswith("ه") else singular
    return [stem + "ان", stem + "ين"]
