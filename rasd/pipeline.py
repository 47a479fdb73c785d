"""The pipeline: RawDocument -> Article -> sentences and mentions -> events.

:class:`Pipeline` holds the loaded resources (gazetteer, NER model, lexicons) and
maps one document to a :class:`~rasd.records.DocumentResult`. Each stage is a pure
function of its inputs; the resources are loaded once by :meth:`Pipeline.load` and
are picklable, so a Dask worker can receive a loaded pipeline.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from rasd.config import STAGE_VERSIONS, Config
from rasd.errors import DocumentError
from rasd.events.context import BodyMatches, match_body
from rasd.events.extract import extract_events
from rasd.events.lexicon import EventLexicon
from rasd.geo.gazetteer import Gazetteer
from rasd.geo.resolve import find_places
from rasd.ingest.article import read_article
from rasd.nlp.actors import ActorLexicon, find_actor_mentions
from rasd.nlp.ner import NerModel, find_entities
from rasd.nlp.rules import find_rule_entities
from rasd.records import Analysis, Article, DocumentResult, RawDocument, Rejection
from rasd.text.dates import find_times
from rasd.text.normalize import normalize_document
from rasd.text.numbers import find_quantities
from rasd.text.clean import PageCleaner
from rasd.text.segment import Abbreviations, split_sentences

__all__ = ["Pipeline", "analyze_article"]

_QUOTING = {"report", "according", "continuation", "claimed"}


@dataclass(frozen=True)
class Pipeline:
    """Loaded resources plus configuration; call :meth:`process` per document."""

    gazetteer: Gazetteer
    lexicon: EventLexicon
    actors: ActorLexicon
    cleaner: PageCleaner
    abbreviations: Abbreviations
    ner: NerModel | None = None
    config: Config = field(default_factory=Config)

    @classmethod
    def load(cls, config: Config | None = None) -> "Pipeline":
        """Load the packaged gazetteer, lexicons and (unless disabled) the NER model."""
        config = config or Config()
        return cls(
            gazetteer=Gazetteer.load(),
            lexicon=EventLexicon.load(),
            actors=ActorLexicon.load(),
            cleaner=PageCleaner.load(),
            abbreviations=Abbreviations.load(),
            ner=NerModel.load() if config.use_ner else None,
            config=config,
        )

    @property
    def versions(self) -> dict[str, str]:
        """The version of every stage that runs, stored with each run."""
        versions = dict(STAGE_VERSIONS)
        if self.ner is None:
            versions["ner"] = "off"
        return versions

    def process(self, raw: RawDocument | Rejection) -> DocumentResult:
        """Read and code one document; a document that cannot be read gives a rejection."""
        if isinstance(raw, Rejection):
            return DocumentResult(doc_id=raw.doc_id, source=raw.source, article=None, rejection=raw)
        try:
            article = read_article(raw, self.config.max_bytes, self.cleaner)
        except DocumentError as error:
            rejection = Rejection(raw.doc_id, raw.source, error.stage, error.code, error.message)
            return DocumentResult(doc_id=raw.doc_id, source=raw.source, article=None, rejection=rejection)
        try:
            analysis = analyze_article(article, self)
            events = extract_events(analysis, self.lexicon, self.actors, self.config.keep_unasserted)
            events = tuple(e for e in events if e.confidence >= self.config.min_confidence
                           and not _background(e, article, self.config.max_event_age_days))
        except Exception as error:  # a bug must cost one document, not the run: record it and go on
            detail = f"{raw.source}: internal error while extracting ({type(error).__name__}: {error}); please report it"
            rejection = Rejection(raw.doc_id, raw.source, "extract", "E001", detail)
            return DocumentResult(doc_id=raw.doc_id, source=raw.source, article=article, rejection=rejection)
        return DocumentResult(
            doc_id=article.doc_id,
            source=article.source,
            article=article,
            places=analysis.places,
            events=events,
            entities=analysis.entities,
        )


def _background(event, article: Article, max_age_days: int) -> bool:
    """An event the text dates long before the article ("في ذكرى مجزرة عام 2013", "عام 1800"):
    background, not news. Undated events and articles without a date are kept."""
    time = event.time
    if not max_age_days or article.published is None or time is None or time.basis == "published":
        return False
    end = time.date_end or time.date_start
    return end is not None and (article.published - end).days > max_age_days


def _unnamed_sources(body: str, sentences, matches: BodyMatches, names) -> str:
    """The body with every sentence blanked out except those that state an event and quote
    someone the curated lists and rules do not name (there the NER model is worth running)."""
    triggers = sorted(m.start for m in matches.triggers)
    quoting = [m for m in matches.cues if any(c.cls in _QUOTING for c in m.value)]
    name_starts = sorted(n.start for n in names)
    name_ends = sorted(n.end for n in names)
    unnamed = sorted(m.start for m in quoting if not (_any_within(name_starts, m.end, m.end + 40)
                                                      or _any_within(name_ends, m.start - 40, m.start)))
    parts, position = [], 0
    for sentence in sentences:
        keep = _any_within(unnamed, sentence.start, sentence.end - 1) and _any_within(
            triggers, sentence.start, sentence.end - 1
        )
        parts.append(" " * (sentence.start - position))
        parts.append(body[sentence.start : sentence.end] if keep else " " * (sentence.end - sentence.start))
        position = sentence.end
    parts.append(" " * (len(body) - position))
    return "".join(parts)


def _any_within(sorted_values: list[int], low: int, high: int) -> bool:
    """Whether a value of the sorted list lies in ``low..high`` (bisection: long bodies stay linear)."""
    index = bisect.bisect_left(sorted_values, low)
    return index < len(sorted_values) and sorted_values[index] <= high


def analyze_article(article: Article, pipeline: Pipeline) -> Analysis:
    """Sentences, entities, places, quantities and times of one article.

    The NER model reads only the sentences where an event is told on the word of someone
    the curated actor list and the name rules do not know (speakers, small groups); the
    other sentences are blanked out, which keeps offsets.
    """
    body = article.body
    sentences = split_sentences(body, pipeline.abbreviations)
    normalized = normalize_document(body)
    matches = match_body(body, pipeline.lexicon, pipeline.actors)
    actor_entities = find_actor_mentions(body, pipeline.actors, list(matches.actors), list(matches.words))
    actor_entities += tuple(find_rule_entities(body))
    ner_entities: tuple = ()
    if pipeline.ner is not None:
        masked = _unnamed_sources(body, sentences, matches, actor_entities)
        ner_entities = find_entities(masked, pipeline.ner) if masked.strip() else ()
    loc_spans = tuple((e.start, e.end) for e in ner_entities if e.label == "LOC")
    persons = [(e.start, e.end) for e in actor_entities + tuple(ner_entities) if e.label == "PER"]
    places = tuple(
        place for place in find_places(body, pipeline.gazetteer, title=article.title, extra_spans=loc_spans)
        if not any(start <= place.start < end for start, end in persons)  # "هايكو" in a minister's name
    )
    return Analysis(
        article=article,
        sentences=sentences,
        places=places,
        entities=tuple(sorted(actor_entities + tuple(ner_entities), key=lambda e: (e.start, -e.end))),
        quantities=tuple(find_quantities(body, normalized=normalized)),
        times=tuple(find_times(body, article.published, normalized=normalized)),
    )
