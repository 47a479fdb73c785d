"""Numpy inference of the small neural NER tagger of scripts/ner_neural.py (not shipped).

Development tool only: it re-implements the network's forward pass (char-CNN, BiLSTM,
CRF marginals) in numpy from a torch state dict, to check that a torch-free run time is
possible and to time it (the BiLSTM at one sentence per call was too slow to ship: see
rasd/data/ner/MODEL_CARD.md).
"""

from __future__ import annotations

import numpy as np

__all__ = ["NeuralWeights", "bilstm", "char_cnn", "crf_marginals"]


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


class NeuralWeights:
    """The arrays of a trained network, by torch's state-dict names."""

    def __init__(self, arrays: dict[str, np.ndarray]) -> None:
        self.a = {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in arrays.items()}
        a = self.a
        self.wemb, self.cemb = a["wemb.weight"], a["cemb.weight"]
        # conv1d weight: (filters, cdim, 3) -> (3 * cdim, filters)
        w = a["conv.weight"]
        self.conv_w = np.ascontiguousarray(w.transpose(2, 1, 0).reshape(-1, w.shape[0]))
        self.conv_b = a["conv.bias"]
        self.wih = [a["lstm.weight_ih_l0"].T.copy(), a["lstm.weight_ih_l0_reverse"].T.copy()]
        self.whh = [a["lstm.weight_hh_l0"].T.copy(), a["lstm.weight_hh_l0_reverse"].T.copy()]
        self.bias = [a["lstm.bias_ih_l0"] + a["lstm.bias_hh_l0"], a["lstm.bias_ih_l0_reverse"] + a["lstm.bias_hh_l0_reverse"]]
        self.out_w, self.out_b = a["out.weight"].T.copy(), a["out.bias"]
        self.trans, self.start, self.end = (a[k].astype(np.float64) for k in ("trans", "start", "end"))


def char_cnn(weights: NeuralWeights, char_ids: np.ndarray) -> np.ndarray:
    """Max-pooled char-CNN vector of one word (``char_ids`` with the ^ and $ marks, no padding)."""
    x = weights.cemb[char_ids]
    padded = np.vstack([np.zeros((1, x.shape[1]), np.float32), x, np.zeros((1, x.shape[1]), np.float32)])
    windows = np.hstack([padded[:-2], padded[1:-1], padded[2:]])
    return np.maximum(windows @ weights.conv_w + weights.conv_b, 0.0).max(axis=0)


def bilstm(weights: NeuralWeights, x: np.ndarray) -> np.ndarray:
    """Hidden states (n, 2H) of the one-layer bidirectional LSTM over the inputs x (n, D)."""
    n = x.shape[0]
    hidden = weights.whh[0].shape[0]
    out = np.empty((n, 2 * hidden), np.float32)
    for direction in (0, 1):
        proj = x @ weights.wih[direction] + weights.bias[direction]
        whh = weights.whh[direction]
        h = np.zeros(hidden, np.float32)
        c = np.zeros(hidden, np.float32)
        steps = range(n) if direction == 0 else range(n - 1, -1, -1)
        column = slice(0, hidden) if direction == 0 else slice(hidden, 2 * hidden)
        for t in steps:
            g = proj[t] + h @ whh
            s = _sigmoid(g)
            c = s[hidden : 2 * hidden] * c + s[:hidden] * np.tanh(g[2 * hidden : 3 * hidden])
            h = s[3 * hidden :] * np.tanh(c)
            out[t, column] = h
    return out


def crf_marginals(em: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Per-token label posteriors of a linear-chain CRF over emissions ``em`` (n, K)."""
    n, _ = em.shape
    em = em.astype(np.float64)
    et = np.exp(trans - trans.max())
    scale_t = trans.max()
    alpha = np.empty_like(em)
    beta = np.empty_like(em)
    logs = np.zeros(n)
    shift = em.max(axis=1, keepdims=True)
    pe = np.exp(em - shift)
    a = np.exp(start - start.max()) * pe[0]
    logs[0] = np.log(a.sum())
    alpha[0] = a / a.sum()
    for t in range(1, n):
        a = (alpha[t - 1] @ et) * pe[t]
        total = a.sum()
        logs[t] = np.log(total)
        alpha[t] = a / total
    b = np.exp(end - end.max())
    beta[-1] = b / b.sum()
    for t in range(n - 2, -1, -1):
        b = et @ (pe[t + 1] * beta[t + 1])
        beta[t] = b / b.sum()
    p = alpha * beta
    del scale_t
    return p / p.sum(axis=1, keepdims=True)
