"""Token features for rasd's CRF named-entity recognizer.

Every token is described on its normalised form (:func:`rasd.text.normalize.normalize_key`),
so spelling variants (أ/ا, ة/ه, ى/ي, diacritics, tatweel) share features, and on the
stems left after stripping proclitics (و ف ب ل ك ال), so "وبدمشق" looks like "دمشق".
A :class:`NerLexicon` adds gazetteer membership (ANERGazet, OCHA places, Syrian admin
areas; multi-word names matched as B/I runs) and curated cue words (titles, speech
verbs, organisation and place head nouns).

Word-level features depend only on the word (identity, affixes, inner character
trigrams, shape, lexicon classes, and how often the word and its morphological
relatives occur in a large general Arabic word list, :func:`frequency_features`), so
they are computed once per distinct word and
kept in a caller-owned cache; a sentence adds neighbour (-2..+2), bigram and
gazetteer-run features, and a document adds what it says about each content word
anywhere in it (which cue classes stand next to it, how often it occurs).

>>> lexicon = NerLexicon.from_entries([("دمشق", "GAZ_LOC"), ("قال", "SPEECH")])
>>> features = sentence_features(["وقال", "مصدر", "في", "دمشق"], lexicon)
>>> "lxs=SPEECH" in features[0], "g=GAZ_LOC:B" in features[3], "-1:w=في" in features[3]
(True, True, True)
>>> "st=دمشق" in sentence_features(["بدمشق"], lexicon)[0]
True
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from rasd.errors import DataError
from rasd.text.normalize import normalize_key, proclitic_splits
from rasd.text.tokenize import tokenize

__all__ = [
    "FEATURE_VERSION",
    "NerLexicon",
    "WordFeatures",
    "document_context",
    "document_features",
    "frequency_features",
    "load_frequencies",
    "match_gazetteer",
    "sentence_features",
    "token_key",
    "word_features",
    "word_shape",
]

FEATURE_VERSION = "rasd.ner_features.v2"

_OFFSETS = (-2, -1, 1, 2)
_ARABIC = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
_DIGIT = re.compile(r"[0-9\u0660-\u0669\u06F0-\u06F9]")
_CACHE_LIMIT = 200_000


@dataclass(frozen=True, slots=True)
class NerLexicon:
    """Normalised phrases (words joined by one space) and the classes they belong to.

    ``prefixes`` holds every proper word-prefix of a multi-word phrase so that
    matching can stop early; ``max_words`` is the longest phrase in words.
    ``frequencies`` maps normalised words to ten times their Zipf frequency in a large
    general word list (:func:`load_frequencies`; empty: no frequency features).
    """

    classes: dict[str, tuple[str, ...]]
    prefixes: frozenset[str]
    max_words: int
    frequencies: Mapping[str, int] = field(default_factory=dict, compare=False, repr=False)

    def with_frequencies(self, frequencies: Mapping[str, int]) -> NerLexicon:
        """The same lexicon with a word-frequency table (see :func:`frequency_features`)."""
        return replace(self, frequencies=frequencies)

    @classmethod
    def from_entries(cls, entries: Iterable[tuple[str, str]]) -> NerLexicon:
        """Build from ``(phrase, class)`` pairs; phrases are normalised here.

        >>> NerLexicon.from_entries([("إدلب", "GAZ_LOC"), ("ادلب", "GAZ_VIL")]).lookup("ادلب")
        ('GAZ_LOC', 'GAZ_VIL')
        """
        merged: dict[str, set[str]] = {}
        for phrase, label in entries:
            key = phrase_key(phrase)
            if any(char.isalpha() for char in key):
                merged.setdefault(key, set()).add(label)
        prefixes = set()
        for key in merged:
            words = key.split(" ")
            prefixes.update(" ".join(words[:n]) for n in range(1, len(words)))
        longest = max((key.count(" ") + 1 for key in merged), default=0)
        classes = {k: tuple(sorted(v)) for k, v in merged.items()}
        return cls(classes, frozenset(prefixes), longest)

    @classmethod
    def load(cls, path: str | Path) -> NerLexicon:
        """Read a lexicon TSV written by :func:`rasd.nlp.ner_lexicon.write_lexicon`."""
        path = Path(path)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as error:
            raise DataError("D401", f"cannot read the NER lexicon {path}: {error.strerror}") from error
        entries = []
        for line in lines:
            if line and not line.startswith("#"):
                phrase, _, labels = line.partition("\t")
                entries.extend((phrase, label) for label in labels.split(",") if label)
        return cls.from_entries(entries)

    def lookup(self, key: str) -> tuple[str, ...]:
        """The classes of a normalised phrase ("" when unknown)."""
        return self.classes.get(key, ())


@dataclass(frozen=True, slots=True)
class WordFeatures:
    """Features of one word: its own, and those it lends to neighbours at -2, -1, +1, +2.

    ``classes`` are its lexicon classes (of the word or a stem); ``content`` is true
    for Arabic words of three letters or more that are not cue words (the words that
    document-level features describe); ``anchor`` is the shortest stem of three
    letters or more, which ties the occurrences of a word in a document together.
    """

    key: str
    stems: tuple[str, ...]
    own: tuple[str, ...]
    context: tuple[tuple[str, ...], ...]
    known: bool = True
    classes: tuple[str, ...] = ()
    content: bool = False
    anchor: str = ""


def token_key(token: str) -> str:
    """The normalised lookup form of a token; tokens that fold to nothing keep a marker.

    >>> token_key("إدلبَ"), token_key("ـ")
    ('ادلب', '<mark>')
    """
    key = normalize_key(token).replace(" ", "_")
    return key or "<mark>"


def phrase_key(phrase: str) -> str:
    """A phrase as a lexicon key: token keys joined by one space.

    >>> phrase_key("دير الزور")
    'دير الزور'
    """
    return " ".join(token_key(t.text) for t in tokenize(phrase))


def word_shape(token: str) -> str:
    """A coarse shape: A (Arabic), L/Lc/LU (Latin lower/capitalised/upper), D, P, or mixed.

    >>> [word_shape(t) for t in ("دمشق", "Reuters", "UN", "2018", "،", "G8", "سوريا2")]
    ['A', 'Lc', 'LU', 'D', 'P', 'LD', 'AD']
    """
    arabic, latin, digit = bool(_ARABIC.search(token)), bool(_LATIN.search(token)), bool(_DIGIT.search(token))
    if latin and not (arabic or digit):
        if token.isupper() and len(token) > 1:
            return "LU"
        return "Lc" if token[:1].isupper() else "L"
    shape = ("A" if arabic else "") + ("L" if latin else "") + ("D" if digit else "")
    return shape or "P"


def _length_bucket(key: str) -> str:
    """Word length in a few buckets (1, 2, 3, 4-5, 6-8, 9+)."""
    size = len(key)
    if size <= 3:
        return str(size)
    return "4" if size <= 5 else ("6" if size <= 8 else "9")


def _stem_ngrams(stem: str) -> list[str]:
    """Affixes of the clitic-free stem and its inner character trigrams ("^" and "$" mark the ends).

    >>> _stem_ngrams("بوش")
    ['sp1=ب', 'sp2=بو', 'ss1=ش', 'ss2=وش', 'c3=^بو', 'c3=بوش', 'c3=وش$']
    """
    out = [f"sp{n}={stem[:n]}" for n in (1, 2, 3) if len(stem) > n]
    out += [f"ss{n}={stem[-n:]}" for n in (1, 2, 3, 4) if len(stem) > n]
    marked = f"^{stem}$"
    out += dict.fromkeys(f"c3={marked[i:i + 3]}" for i in range(len(marked) - 2))
    return out


def load_frequencies(path: str | Path) -> dict[str, int]:
    """Read a word-frequency table: gzip'd ``normalised-word<TAB>10 x Zipf`` lines after ``#`` comments.

    Written by ``scripts/ner_wordfreq.py`` (from the wordfreq package's Arabic list).
    """
    path = Path(path)
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, EOFError) as error:
        raise DataError("D406", f"cannot read the NER word frequencies {path}: {error}") from error
    start = 0
    while text.startswith("#", start):
        start = text.index("\n", start) + 1
    fields = text[start:].split()
    if len(fields) % 2:
        raise DataError("D407", f"{path} is not a word<TAB>number table")
    try:
        return dict(zip(fields[0::2], map(int, fields[1::2])))
    except ValueError as error:
        raise DataError("D407", f"{path} is not a word<TAB>number table: {error}") from error


def _bucket_table() -> tuple[str, ...]:
    """Bucket names of Zipf values and differences in tenths (-100..100), rounded half to even."""
    return tuple(str(round(tenths / 10)) for tenths in range(-100, 101))


_BUCKETS = _bucket_table()
_PRONOUNS = ("ه", "ها", "هم")
_PLURALS = ("ين", "ون", "ات")


def frequency_features(key: str, stems: Sequence[str], frequencies: Mapping[str, int]) -> list[str]:
    """How common the word is in general Arabic text, and how it behaves morphologically.

    Names seldom take the article or pronoun and plural suffixes, while common nouns do,
    so the frequency of "ال" + stem, stem + ه/ها/هم and stem + ين/ون/ات relative to the
    stem's own frequency says "name-like" even for a word the training data never saw.
    The stem is the proclitic split (``stems``) most frequent in the list. Values are
    Zipf frequencies (log10 per billion words; the table holds tenths), 0 for words not
    in the list, rounded half to even.

    >>> table = {"بوش": 45, "البوش": 21, "كتاب": 54, "الكتاب": 55, "كتابه": 47}
    >>> frequency_features("بوش", ("بوش",), table)
    ['wf=4', 'wfal=-2', 'wfpron=-4', 'wfpl=-4']
    >>> frequency_features("كتاب", ("كتاب", "تاب"), table)
    ['wf=5', 'wfal=0', 'wfpron=-1', 'wfpl=-5']
    """
    get, buckets = frequencies.get, _BUCKETS
    own = get(key, 0)
    out = [f"wf={buckets[100 + own]}"]
    stem, best = key, own
    for candidate in stems[1:]:
        value = get(candidate, 0)
        if value > best or (value == best and len(candidate) > len(stem)):
            stem, best = candidate, value
    if stem != key:
        out.append(f"wfs={buckets[100 + best]}")
    if stem.startswith("ال"):
        base = stem[2:]
        zb = get(base, 0)
        out.append(f"wfbare={buckets[100 + zb - best]}")
    else:
        base, zb = stem, best
        out.append(f"wfal={buckets[100 + get('ال' + stem, 0) - best]}")
    out.append(f"wfpron={buckets[100 + max(get(base + s, 0) for s in _PRONOUNS) - zb]}")
    if base.endswith("ه"):
        out.append(f"wfpron2={buckets[100 + max(get(base[:-1] + 'ت' + s, 0) for s in _PRONOUNS[:2]) - zb]}")
    out.append(f"wfpl={buckets[100 + max(get(base + s, 0) for s in _PLURALS) - zb]}")
    if not zb:
        out.append("wf0")
    return out


def word_features(token: str, lexicon: NerLexicon, known: bool = True) -> WordFeatures:
    """Features of one token that do not depend on its neighbours.

    A word that is not ``known`` (rare in the training data) gets no word-identity
    feature, so that training gives weight to the features that carry over to
    unseen words (affixes, shape, lexicon, context).

    >>> lexicon = NerLexicon.from_entries([("رئيس", "TITLE")])
    >>> wf = word_features("ورئيس", lexicon)
    >>> wf.stems, "lxs=TITLE" in wf.own, "-1:lxs=TITLE" in wf.context[1]
    (('ورييس', 'رييس'), True, True)
    """
    key = token_key(token)
    stems = tuple(stem for _, stem in proclitic_splits(key))
    shape = word_shape(token)
    identity = [f"w={key}"] if known else []
    labels = [f"lx={label}" for label in lexicon.lookup(key)]
    labels += sorted({f"lxs={label}" for stem in stems[1:] for label in lexicon.lookup(stem)})
    classes = tuple(sorted({label for stem in stems for label in lexicon.lookup(stem)}))
    anchor = next((stem for stem in reversed(stems) if len(stem) >= 3), key)
    content = shape == "A" and len(anchor) >= 3 and all(label.startswith("GAZ_") for label in classes)
    own = [*identity, f"sh={shape}", f"len={_length_bucket(key)}", *labels]
    own += [f"st={stem}" for stem in stems[1:]]
    own += [f"p{n}={key[:n]}" for n in (1, 2, 3, 4) if len(key) > n]
    own += [f"s{n}={key[-n:]}" for n in (1, 2, 3, 4, 5) if len(key) > n]
    own += _stem_ngrams(stems[-1])
    if any(stem.startswith("ال") for stem in stems):
        own.append("al")
    if lexicon.frequencies:
        own += frequency_features(key, stems, lexicon.frequencies)
    core = [*identity, f"sh={shape}", f"st={stems[-1]}", *labels]
    context = tuple(tuple(f"{offset:+d}:{feature}" for feature in core) for offset in _OFFSETS)
    return WordFeatures(key, stems, tuple(own), context, known, classes, content, anchor)


def match_gazetteer(words: Sequence[WordFeatures], lexicon: NerLexicon) -> list[set[str]]:
    """Gazetteer runs over a sentence: ``CLASS:B`` on the first word, ``CLASS:I`` after.

    The first word of a run may carry proclitics ("وبدير الزور"); the others match
    exactly. For each start and class the longest phrase wins.

    >>> lexicon = NerLexicon.from_entries([("دير الزور", "GAZ_ADM")])
    >>> words = [word_features(t, lexicon) for t in ("في", "بدير", "الزور")]
    >>> [sorted(tags) for tags in match_gazetteer(words, lexicon)]
    [[], ['GAZ_ADM:B'], ['GAZ_ADM:I']]
    """
    tags: list[set[str]] = [set() for _ in words]
    size = len(words)
    for start in range(size):
        best: dict[str, int] = {}
        for stem in words[start].stems:
            phrase, end = stem, start + 1
            while True:
                for label in lexicon.classes.get(phrase, ()):
                    if label.startswith("GAZ_") and end > best.get(label, 0):
                        best[label] = end
                if end >= size or phrase not in lexicon.prefixes:
                    break
                phrase, end = f"{phrase} {words[end].key}", end + 1
        for label, end in best.items():
            tags[start].add(f"{label}:B")
            for inside in range(start + 1, end):
                tags[inside].add(f"{label}:I")
    return tags


def _word_list(tokens: Sequence[str], lexicon: NerLexicon, cache: dict, rare: frozenset[str],
               keep: frozenset[str] | None = None) -> list[WordFeatures]:
    """Word features of every token, through the cache (only the features in ``keep``, when given)."""
    words = []
    for token in tokens:
        found = cache.get(token)
        if found is None:
            found = word_features(token, lexicon, not rare or token_key(token) not in rare)
            found = cache[token] = found if keep is None else _kept_features(found, keep)
        words.append(found)
    return words


def _kept_features(word: WordFeatures, keep: frozenset[str]) -> WordFeatures:
    """A word's features without those outside ``keep`` (order kept)."""
    return replace(word, own=tuple(f for f in word.own if f in keep),
                   context=tuple(tuple(f for f in slot if f in keep) for slot in word.context))


def document_context(sentences: Sequence[Sequence[WordFeatures]]) -> dict[str, tuple[str, ...]]:
    """What a document says about each of its content words, whichever occurrence says it.

    Keyed by the clitic-free stem: how often the word occurs (``dn=``) and the lexicon
    classes of the words just before (``dL=``) and after (``dR=``) any occurrence, so a
    name preceded by a title once ("الرئيس X") is marked wherever it recurs.

    >>> lexicon = NerLexicon.from_entries([("قال", "SPEECH")])
    >>> words = [[word_features(t, lexicon) for t in s.split()] for s in ("قال بوش", "ان بوش")]
    >>> document_context(words)["بوش"]
    ('dn=2', 'dL=SPEECH')
    """
    counts: dict[str, int] = {}
    seen: dict[str, set[str]] = {}
    for words in sentences:
        for i, word in enumerate(words):
            if not word.content:
                continue
            stem = word.anchor
            counts[stem] = counts.get(stem, 0) + 1
            found = seen.setdefault(stem, set())
            if i:
                found.update(f"dL={label}" for label in words[i - 1].classes)
            if i + 1 < len(words):
                found.update(f"dR={label}" for label in words[i + 1].classes)
    buckets = {1: "1", 2: "2", 3: "3", 4: "3"}
    return {stem: (f"dn={buckets.get(n, '5')}", *sorted(seen[stem])) for stem, n in counts.items()}


def _rows(words: Sequence[WordFeatures], lexicon: NerLexicon, document: dict[str, tuple[str, ...]],
          keep: frozenset[str] | None = None) -> list[list[str]]:
    """CRF features of one sentence given its word features and the document context
    (word pairs only when in ``keep``, when given)."""
    gazetteer = match_gazetteer(words, lexicon)
    size = len(words)
    rows = []
    for i, word in enumerate(words):
        row = list(word.own)
        for slot, offset in enumerate(_OFFSETS):
            j = i + offset
            row.extend(words[j].context[slot] if 0 <= j < size else (f"{offset:+d}:EDGE",))
        if word.known:
            before = words[i - 1] if i else None
            after = words[i + 1] if i + 1 < size else None
            pairs = []
            if before is None or before.known:
                pairs.append(f"w-1|w={before.key if before else '<s>'}|{word.key}")
            if after is None or after.known:
                pairs.append(f"w|w+1={word.key}|{after.key if after else '</s>'}")
            row.extend(pairs if keep is None else [pair for pair in pairs if pair in keep])
        row.extend(f"g={tag}" for tag in sorted(gazetteer[i]))
        if i:
            row.extend(f"-1:g={tag}" for tag in sorted(gazetteer[i - 1]))
        if i + 1 < size:
            row.extend(f"+1:g={tag}" for tag in sorted(gazetteer[i + 1]))
        if word.content:
            row.extend(document.get(word.anchor, ()))
        rows.append(row)
    return rows


def document_features(
    sentences: Sequence[Sequence[str]],
    lexicon: NerLexicon,
    cache: dict[str, WordFeatures] | None = None,
    rare: frozenset[str] = frozenset(),
    keep: frozenset[str] | None = None,
) -> list[list[list[str]]]:
    """CRF features for every token of every sentence of one document.

    ``cache`` maps tokens to their word features (kept by the caller between calls);
    ``rare`` holds the normalised keys that get no identity features (training only).
    ``keep`` (tagging only) holds the features a trained model knows: the others weigh
    nothing, so most of them are left out without changing a label or a marginal; a
    cache filled with a ``keep`` must be used with that ``keep`` only.
    """
    cache = {} if cache is None else cache
    if len(cache) > _CACHE_LIMIT:
        cache.clear()
    words = [_word_list(tokens, lexicon, cache, rare, keep) for tokens in sentences]
    document = document_context(words)
    return [_rows(sentence, lexicon, document, keep) for sentence in words]


def sentence_features(
    tokens: Sequence[str],
    lexicon: NerLexicon,
    cache: dict[str, WordFeatures] | None = None,
    rare: frozenset[str] = frozenset(),
) -> list[list[str]]:
    """CRF features for a sentence taken as a document of its own."""
    return document_features([tokens], lexicon, cache, rare)[0]
