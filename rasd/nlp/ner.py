"""rasd's Arabic named-entity recognizer: a CRF over rich Arabic features, shipped in the package.

The model (``rasd/data/ner/model.crfsuite``) is trained by ``rasd train-ner`` on ANERcorp
with gazetteer and cue-word features (:mod:`rasd.nlp.ner_features`); it tags tokens with
IOB2 labels over ``PER``, ``ORG``, ``LOC`` and ``MISC``. It runs offline on one CPU core.

>>> model = NerModel.load()
>>> [(m.text, m.label) for m in find_entities("وقال الرئيس الأمريكي جورج بوش في واشنطن", model)]
[('جورج بوش', 'PER'), ('واشنطن', 'LOC')]
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path

from rasd.errors import DataError
from rasd.nlp.ner_corpus import entity_spans
from rasd.nlp.ner_features import (
    FEATURE_VERSION,
    NerLexicon,
    WordFeatures,
    document_features,
    load_frequencies,
    token_key,
)
from rasd.records import EntityMention, Token
from rasd.text.normalize import normalize_text, proclitic_splits
from rasd.text.tokenize import tokenize

__all__ = ["MODEL_DIR", "NerModel", "find_entities", "model_attributes", "split_chunks"]

MODEL_DIR = Path(__file__).resolve().parents[1] / "data" / "ner"
MODEL_FILE, LEXICON_FILE, META_FILE = "model.crfsuite", "lexicon.tsv", "meta.json"
FREQUENCY_FILE = "wordfreq.tsv.gz"
MAX_CHUNK = 150
_SENTENCE_END = frozenset({".", "؟", "?", "!", "؛", ";", "…", "\n"})
_SOFT_BREAK = frozenset({"،", ",", ":", "(", ")", "«", "»", '"', "-", "–"})
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF\uFB50-\uFDFF\uFE70-\uFEFC]")
_TRIMMED_PROCLITICS = ("وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "و", "ف")


class NerModel:
    """A trained CRF tagger with its feature lexicon.

    Build with :meth:`load`. Picklable: the crfsuite tagger is not pickled but re-opened
    from ``model_path`` on first use after unpickling, and the word-frequency table is
    read again from ``frequency_path``; the word-feature cache is dropped.
    """

    def __init__(self, model_path: Path, lexicon: NerLexicon, meta: dict | None = None,
                 frequency_path: Path | None = None) -> None:
        self.model_path = Path(model_path)
        self.frequency_path = Path(frequency_path) if frequency_path is not None else None
        if self.frequency_path is not None and not lexicon.frequencies:
            lexicon = lexicon.with_frequencies(load_frequencies(self.frequency_path))
        self.lexicon = lexicon
        self.meta = dict(meta or {})
        self._tagger = None
        self._attributes: frozenset[str] | None = None  # the features the model knows (read with the tagger)
        self._cache: dict[str, WordFeatures] = {}

    @classmethod
    def load(cls, path: str | Path | None = None) -> NerModel:
        """Load a model folder (``model.crfsuite``, ``lexicon.tsv``, ``meta.json``, ``wordfreq.tsv.gz``); the packaged one by default."""
        folder = Path(path) if path is not None else MODEL_DIR
        if folder.is_file():
            folder = folder.parent
        model_path = folder / MODEL_FILE
        if not model_path.is_file() or not (folder / LEXICON_FILE).is_file():
            raise DataError("D410", f"no NER model in {folder}: it needs {MODEL_FILE} and {LEXICON_FILE}; run `rasd train-ner`")
        meta = {}
        if (folder / META_FILE).is_file():
            meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
        if meta.get("feature_version", FEATURE_VERSION) != FEATURE_VERSION:
            raise DataError("D411", f"the NER model in {folder} was trained with other features; retrain it")
        frequency_path = folder / FREQUENCY_FILE
        if meta.get("frequencies") and not frequency_path.is_file():
            raise DataError("D413", f"the NER model in {folder} needs {FREQUENCY_FILE}; run `rasd train-ner`")
        model = cls(model_path, NerLexicon.load(folder / LEXICON_FILE), meta,
                    frequency_path if frequency_path.is_file() and meta.get("frequencies") else None)
        model.tagger()
        return model

    def tagger(self):
        """The open crfsuite tagger (opened on first use)."""
        if self._tagger is None:
            import pycrfsuite

            tagger = pycrfsuite.Tagger()
            try:
                tagger.open(str(self.model_path))
            except (OSError, ValueError) as error:
                raise DataError("D412", f"cannot open the NER model {self.model_path}: {error}") from error
            self._attributes = model_attributes(tagger)
            self._tagger = tagger
        return self._tagger

    def __getstate__(self) -> dict:
        lexicon = self.lexicon.with_frequencies({}) if self.frequency_path is not None else self.lexicon
        return {"model_path": self.model_path, "lexicon": lexicon, "meta": self.meta,
                "frequency_path": self.frequency_path}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["model_path"], state["lexicon"], state["meta"], state.get("frequency_path"))

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """IOB2 labels (``B-PER``, ``I-LOC``, ``O``...) for the tokens of one text of any length.

        The tokens are cut into sentences (and long sentences into chunks) that are
        tagged together as one document.
        """
        return self.tag_with_confidence(tokens)[0]

    def tag_with_confidence(self, tokens: Sequence[str]) -> tuple[list[str], list[float]]:
        """Labels as :meth:`tag`, and for each token the model's marginal probability of its label."""
        chunks = [list(tokens[start:end]) for start, end in split_chunks(tokens)]
        labels: list[str] = []
        confidences: list[float] = []
        for chunk_labels, chunk_confidences in self._tag_chunks(chunks, confidence=True):
            labels += chunk_labels
            confidences += chunk_confidences
        return labels, confidences

    def tag_document(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """IOB2 labels for each sentence of a document (sentences of reasonable length)."""
        return [labels for labels, _ in self._tag_chunks(sentences, confidence=False)]

    def _tag_chunks(self, sentences: Sequence[Sequence[str]], confidence: bool) -> list[tuple[list[str], list[float]]]:
        """Tag sentences of one document; marginals of the labels of entity tokens when asked."""
        tagger = self.tagger()
        out = []
        rows = document_features(sentences, self.lexicon, self._cache, keep=self._attributes)
        for tokens, features in zip(sentences, rows):
            labels = _drop_non_arabic(tokens, tagger.tag(features)) if features else []
            marginals = [1.0] * len(labels)
            if confidence:
                marginals = [tagger.marginal(y, i) if y != "O" else 1.0 for i, y in enumerate(labels)]
            out.append((labels, marginals))
        return out


def model_attributes(tagger) -> frozenset[str] | None:
    """The attributes (feature strings) of an open crfsuite model, read from its dump; None
    when the dump does not read as expected.

    crfsuite ignores the features a model has no attribute for, so leaving them out before
    tagging gives the same labels and marginals, with less to hand over to it.
    """
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "model.txt"
        tagger.dump(str(path))
        text = path.read_text(encoding="utf-8")
    count = re.search(r"^  num_attrs: (\d+)$", text, re.MULTILINE)
    start, end = text.find("\nATTRIBUTES = {\n"), text.find("\n}\n\nTRANSITIONS = {\n")
    if count is None or start < 0 or end < start:
        return None
    lines = text[start + len("\nATTRIBUTES = {\n") : end].split("\n")
    names = [line.split(": ", 1)[1] for line in lines if ": " in line]
    if len(names) != len(lines) or len(names) != int(count.group(1)) or len(set(names)) != len(names):
        return None
    return frozenset(names)


def _drop_non_arabic(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """Labels with every entity that has no Arabic letter set to ``O``.

    The model learnt from Arabic text; what it says about runs of Latin words or
    symbols is noise.

    >>> _drop_non_arabic(["Reuters", "said", "بوش"], ["B-ORG", "I-ORG", "B-PER"])
    ['O', 'O', 'B-PER']
    """
    for _, start, end in entity_spans(labels):
        if not any(_ARABIC_LETTER.search(token) for token in tokens[start:end]):
            labels[start:end] = ["O"] * (end - start)
    return labels


def split_chunks(tokens: Sequence[str], limit: int = MAX_CHUNK) -> list[tuple[int, int]]:
    """Cut a token list into sentences, and long sentences at a comma (or hard) within ``limit``.

    >>> split_chunks(["a", ".", "b", "c", "،", "d", "e"], limit=3)
    [(0, 2), (2, 5), (5, 7)]
    """
    chunks: list[tuple[int, int]] = []
    start, soft = 0, -1
    for index, token in enumerate(tokens):
        if token in _SENTENCE_END:
            chunks.append((start, index + 1))
            start, soft = index + 1, -1
            continue
        if token in _SOFT_BREAK:
            soft = index + 1
        if index + 1 - start >= limit:
            cut = soft if soft > start else index + 1
            chunks.append((start, cut))
            start, soft = cut, -1
    if start < len(tokens):
        chunks.append((start, len(tokens)))
    return chunks


def _proclitic_length(token: str, lexicon: NerLexicon) -> int:
    """How many characters of the token's normalised form are a proclitic to leave out.

    "و" / "ف" (and a preposition before "ال") are left out of an entity's text when the
    word without them is a known name or starts with "ال" ("وسوريا" -> "سوريا").
    """
    key = token_key(token)
    if any(label.startswith("GAZ_") for label in lexicon.lookup(key)):
        return 0
    for prefix, stem in proclitic_splits(key)[1:]:
        if prefix.endswith("ال") and prefix in _TRIMMED_PROCLITICS:
            return len(prefix) - 2
        if prefix in ("و", "ف") and (stem.startswith("ال") or lexicon.lookup(stem)):
            return 1
    return 0


def _mention(text: str, tokens: list[Token], span: tuple[str, int, int], model: NerModel, offset: int,
             confidence: float) -> EntityMention:
    """An EntityMention for a token span, with a leading proclitic trimmed off."""
    kind, first, last = span
    start, end = tokens[first].start, tokens[last - 1].end
    skip = _proclitic_length(tokens[first].text, model.lexicon)
    if skip:
        start += normalize_text(tokens[first].text).offsets[skip]
    return EntityMention(text[start:end], start + offset, end + offset, kind, source="ner", confidence=confidence)


def find_entities(text: str, model: NerModel, offset: int = 0) -> tuple[EntityMention, ...]:
    """Named entities of ``text`` (spans into ``text`` plus ``offset``), ``source="ner"``.

    The text is tagged as one document (sentences see each other's names), so pass a
    whole article body rather than sentence by sentence. ``confidence`` is the lowest
    marginal probability the model gives to the labels of the entity's tokens.

    >>> model = NerModel.load()
    >>> find_entities("", model), find_entities("no Arabic here.", model)
    ((), ())
    """
    tokens = tokenize(text)
    labels, marginals = model.tag_with_confidence([token.text for token in tokens])
    return tuple(
        _mention(text, tokens, span, model, offset, round(min(marginals[span[1] : span[2]]), 3))
        for span in entity_spans(labels)
    )
