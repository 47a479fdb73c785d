"""A small neural tagger (char-CNN + word embedding + lexicon features -> BiLSTM -> CRF), for comparison.

Development tool only: torch is NOT a dependency of rasd. It trains on the same
train/dev split as scripts/ner_experiment.py and prints dev F1 (and test F1 with
``--test``, final figures only). With ``--crf MODEL_DIR`` it also scores an ensemble
that adds the CRF's marginals to the network's emissions.

    OMP_NUM_THREADS=1 PYTHONPATH=. python scripts/ner_neural.py --epochs 20 [--fold 9]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from ner_experiment import DATA, split_train_dev

from rasd.nlp.ner_corpus import read_anercorp
from rasd.nlp.ner_features import (
    NerLexicon,
    match_gazetteer,
    token_key,
    word_features,
)
from rasd.nlp.ner_lexicon import build_lexicon_entries
from rasd.nlp.ner_train import score_entities

LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]
MAXCHARS = 16


class Encoder:
    """Maps sentences to word ids, char ids and multi-hot lexicon/shape features."""

    def __init__(self, sentences, lexicon: NerLexicon, min_count: int = 2):
        counts = Counter(token_key(t) for s in sentences for t in s.tokens)
        self.words = {"<pad>": 0, "<unk>": 1}
        for w, c in sorted(counts.items()):
            if c >= min_count:
                self.words[w] = len(self.words)
        chars = Counter(ch for w in counts for ch in w)
        self.chars = {"<pad>": 0, "<unk>": 1, "^": 2, "$": 3}
        for ch, c in sorted(chars.items()):
            if c >= 3:
                self.chars[ch] = len(self.chars)
        self.lexicon = lexicon
        classes = sorted({c for cs in lexicon.classes.values() for c in cs})
        names = [f"lx={c}" for c in classes] + [f"lxs={c}" for c in classes]
        names += [f"g={c}:{bi}" for c in classes if c.startswith("GAZ_") for bi in "BI"]
        names += [f"sh={s}" for s in ("A", "L", "Lc", "LU", "D", "P", "AD", "LD", "AL", "ALD")]
        names += ["al"]
        self.feats = {n: i for i, n in enumerate(names)}
        self.cache = {}

    def encode(self, tokens):
        wfs = []
        for t in tokens:
            wf = self.cache.get(t)
            if wf is None:
                wf = self.cache[t] = word_features(t, self.lexicon)
            wfs.append(wf)
        gaz = match_gazetteer(wfs, self.lexicon)
        wid = np.array([self.words.get(wf.key, 1) for wf in wfs], dtype=np.int64)
        cid = np.zeros((len(tokens), MAXCHARS + 2), dtype=np.int64)
        feats = np.zeros((len(tokens), len(self.feats)), dtype=np.float32)
        for i, (t, wf) in enumerate(zip(tokens, wfs)):
            key = wf.key
            seq = [2] + [self.chars.get(ch, 1) for ch in (key[:MAXCHARS // 2] + key[-(MAXCHARS // 2):] if len(key) > MAXCHARS else key)] + [3]
            cid[i, : len(seq)] = seq
            for f in wf.own:
                if f.startswith(("lx=", "lxs=", "sh=")) or f == "al":
                    j = self.feats.get(f)
                    if j is not None:
                        feats[i, j] = 1
            for g in gaz[i]:
                j = self.feats.get(f"g={g}")
                if j is not None:
                    feats[i, j] = 1
        return wid, cid, feats


def build_model(n_words, n_chars, n_feats, wdim=100, cdim=30, cfilters=60, hidden=128, dropout=0.5):
    import torch
    from torch import nn

    class Tagger(nn.Module):
        def __init__(self):
            super().__init__()
            self.wemb = nn.Embedding(n_words, wdim, padding_idx=0)
            self.cemb = nn.Embedding(n_chars, cdim, padding_idx=0)
            self.conv = nn.Conv1d(cdim, cfilters, 3, padding=1)
            self.drop = nn.Dropout(dropout)
            self.lstm = nn.LSTM(wdim + cfilters + n_feats, hidden, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * hidden, len(LABELS))
            self.trans = nn.Parameter(torch.zeros(len(LABELS), len(LABELS)))
            self.start = nn.Parameter(torch.zeros(len(LABELS)))
            self.end = nn.Parameter(torch.zeros(len(LABELS)))

        def emissions(self, wid, cid, feats, word_dropout=0.0):
            b, n, m = cid.shape
            if self.training and word_dropout:
                mask = (torch.rand(wid.shape) < word_dropout) & (wid > 0)
                wid = wid.masked_fill(mask, 1)
            c = self.cemb(cid.view(b * n, m)).transpose(1, 2)
            c = torch.relu(self.conv(c))
            c = c.masked_fill((cid.view(b * n, m) == 0).unsqueeze(1), -1e4).max(dim=2).values
            c = c.masked_fill(c < -1e3, 0).view(b, n, -1)
            x = torch.cat([self.wemb(wid), c, feats], dim=2)
            h, _ = self.lstm(self.drop(x))
            return self.out(self.drop(h))

        def nll(self, em, tags, mask):
            # forward algorithm over batch; mask: (b, n) bool
            b, n, k = em.shape
            score = self.start + em[:, 0]
            gold = self.start[tags[:, 0]] + em[:, 0].gather(1, tags[:, :1]).squeeze(1)
            for t in range(1, n):
                m = mask[:, t]
                nxt = torch.logsumexp(score.unsqueeze(2) + self.trans + em[:, t].unsqueeze(1), dim=1)
                score = torch.where(m.unsqueeze(1), nxt, score)
                g = self.trans[tags[:, t - 1], tags[:, t]] + em[:, t].gather(1, tags[:, t : t + 1]).squeeze(1)
                gold = gold + g * m
            lengths = mask.sum(1)
            last = tags.gather(1, (lengths - 1).unsqueeze(1)).squeeze(1)
            gold = gold + self.end[last]
            return (torch.logsumexp(score + self.end, dim=1) - gold).sum()

    return Tagger()


def viterbi(em, trans, start, end):
    n, k = em.shape
    score = start + em[0]
    back = np.zeros((n, k), dtype=np.int64)
    for t in range(1, n):
        cand = score[:, None] + trans
        back[t] = cand.argmax(0)
        score = cand.max(0) + em[t]
    score = score + end
    best = [int(score.argmax())]
    for t in range(n - 1, 0, -1):
        best.append(int(back[t, best[-1]]))
    return best[::-1]


def batches(items, size, rng):
    """Batches of sentences of similar length (sorted by length, then the batches shuffled)."""
    order = sorted(range(len(items)), key=lambda j: (len(items[j][0]), rng.random()))
    groups = [order[i : i + size] for i in range(0, len(order), size)]
    rng.shuffle(groups)
    for group in groups:
        yield [items[j] for j in group]


def pad(batch, n_feats):
    import torch

    n = max(len(x[0]) for x in batch)
    b = len(batch)
    wid = torch.zeros(b, n, dtype=torch.long)
    cid = torch.zeros(b, n, MAXCHARS + 2, dtype=torch.long)
    feats = torch.zeros(b, n, n_feats)
    tags = torch.zeros(b, n, dtype=torch.long)
    mask = torch.zeros(b, n, dtype=torch.bool)
    for i, (w, c, f, y) in enumerate(batch):
        m = len(w)
        wid[i, :m] = torch.from_numpy(w)
        cid[i, :m] = torch.from_numpy(c)
        feats[i, :m] = torch.from_numpy(f)
        tags[i, :m] = torch.tensor(y)
        mask[i, :m] = True
    return wid, cid, feats, tags, mask


def emissions_np(model, enc, sentences):
    import torch

    model.eval()
    out = []
    with torch.no_grad():
        for s in sentences:
            if not s:
                out.append(np.zeros((0, len(LABELS))))
                continue
            w, c, f = enc.encode(s)
            em = model.emissions(torch.from_numpy(w)[None], torch.from_numpy(c)[None], torch.from_numpy(f)[None])
            out.append(em[0].numpy())
    return out


def decode_all(model, ems):
    trans, start, end = (p.detach().numpy() for p in (model.trans, model.start, model.end))
    return [[LABELS[i] for i in viterbi(em, trans, start, end)] if len(em) else [] for em in ems]


def main(argv=None):
    import torch

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fold", type=int, default=9)
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--hidden", type=int, default=128)
    parser.add_argument("--test", action="store_true")
    parser.add_argument("--full", action="store_true")
    parser.add_argument("--out", default="/tmp/ner_exp/neural")
    args = parser.parse_args(argv)
    torch.manual_seed(args.seed)
    torch.set_num_threads(1)
    rng = random.Random(args.seed)
    train_docs, dev_docs = split_train_dev(fold=args.fold)
    if args.full:
        train_docs = train_docs + dev_docs
    train = [s for d in train_docs for s in d if s.tokens]
    dev = [s for d in dev_docs for s in d]
    lexicon = NerLexicon.from_entries(build_lexicon_entries(DATA))
    enc = Encoder(train, lexicon)
    items = [(*enc.encode(s.tokens), [LABELS.index(y) for y in s.labels]) for s in train]
    model = build_model(len(enc.words), len(enc.chars), len(enc.feats), hidden=args.hidden)
    opt = torch.optim.Adam(model.parameters(), lr=2e-3)
    best, best_state, history = -1.0, None, []
    for epoch in range(args.epochs):
        model.train()
        began, total = time.perf_counter(), 0.0
        for batch in batches(items, 32, rng):
            wid, cid, feats, tags, mask = pad(batch, len(enc.feats))
            em = model.emissions(wid, cid, feats, word_dropout=0.1)
            loss = model.nll(em, tags, mask) / len(batch)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            total += float(loss.detach())
        pred = decode_all(model, emissions_np(model, enc, [s.tokens for s in dev]))
        f1 = score_entities([s.labels for s in dev], pred).overall.f1
        history.append(round(f1, 4))
        print(f"epoch {epoch + 1} loss {total:.0f} dev F1 {f1:.4f} ({time.perf_counter() - began:.0f} s)", flush=True)
        if f1 > best:
            best, best_state = f1, {k: v.clone() for k, v in model.state_dict().items()}
    model.load_state_dict(best_state)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    torch.save(best_state, out / f"model.f{args.fold}.pt")
    result = {"name": "neural", "fold": args.fold, "dev_best": round(best, 4), "history": history}
    dev_ems = emissions_np(model, enc, [s.tokens for s in dev])
    np.save(out / f"dev_em.f{args.fold}.npy", np.array(dev_ems, dtype=object), allow_pickle=True)
    if args.test:
        test = read_anercorp(DATA / "ner-anercorp" / "anercorp_test.conll")
        pred = decode_all(model, emissions_np(model, enc, [s.tokens for s in test]))
        scores = score_entities([s.labels for s in test], pred)
        result["test"] = {s.label: round(s.f1, 4) for s in (*scores.labels, scores.overall)}
    print(json.dumps(result))
    with open(Path("/tmp/ner_exp") / "results.jsonl", "a", encoding="utf-8") as handle:
        handle.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


def marginals_np(em, trans, start, end):
    """Per-token label posteriors of a linear-chain CRF (forward-backward in log space)."""
    from scipy.special import logsumexp

    n, k = em.shape
    alpha = np.zeros((n, k))
    beta = np.zeros((n, k))
    alpha[0] = start + em[0]
    for t in range(1, n):
        alpha[t] = logsumexp(alpha[t - 1][:, None] + trans, axis=0) + em[t]
    beta[-1] = end
    for t in range(n - 2, -1, -1):
        beta[t] = logsumexp(trans + (em[t + 1] + beta[t + 1])[None, :], axis=1)
    z = logsumexp(alpha[-1] + end)
    return np.exp(alpha + beta - z)


def allowed_transitions():
    """0 where a label may follow another in IOB2, -inf where not (I-X only after B-X or I-X)."""
    k = len(LABELS)
    mask = np.zeros((k, k))
    for j, to in enumerate(LABELS):
        if to.startswith("I-"):
            for i, frm in enumerate(LABELS):
                if frm[2:] != to[2:]:
                    mask[i, j] = -np.inf
    start = np.array([-np.inf if y.startswith("I-") else 0.0 for y in LABELS])
    return mask, start
