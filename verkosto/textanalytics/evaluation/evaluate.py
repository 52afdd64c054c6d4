"""Measure theme clustering on the labelled sets: `python -m verkosto.textanalytics.evaluation.evaluate`.

Three sets, all written here, one JSON object per line with "text", "lang" and "label" ("theme" in
the older `signals.jsonl`):
- `signals.jsonl`: 320 silent signals (240 fi, 80 sv), 10 themes; label "none" marks off-topic
  texts, which the ideal clustering puts in -1;
- `encyclopaedic.jsonl`: 640 short encyclopaedia-style sentences (320 fi, 320 sv), 10 subjects,
  full of names and numbers;
- `forum.jsonl`: 420 discussion-board posts (300 colloquial fi, 120 sv), 10 subjects.
Each language is clustered on its own, as in use, and scored by adjusted mutual information (AMI).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from verkosto.textanalytics import cluster, normalise

HERE = Path(__file__).parent
SIGNALS = HERE / "signals.jsonl"
SETS: dict[str, Path] = {
    "signals": SIGNALS,
    "encyclopaedic": HERE / "encyclopaedic.jsonl",
    "forum": HERE / "forum.jsonl",
}
NONE_THEME = "none"
LANGS: tuple[normalise.Lang, ...] = ("fi", "sv")

Method = Callable[..., Sequence[int]]


def load_signals(path: Path = SIGNALS) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_set(name: str) -> list[dict[str, str]]:
    """Rows of one evaluation set, each with "text", "lang" and "label"."""
    rows = load_signals(SETS[name])
    for row in rows:
        row.setdefault("label", row.get("theme", NONE_THEME))
    return rows


@dataclass(frozen=True)
class Score:
    ami: dict[str, float]  # "fi", "sv", "all"
    themes_found: dict[str, int]
    seconds: float


def _truth(label: str) -> str:
    # Off-topic texts form the "-1" class of the ideal answer.
    return "-1" if label == NONE_THEME else label


def evaluate(
    seed: int = 0, *, dataset: str = "signals", method: Method | None = None, **options: Any
) -> Score:
    """AMI of one clustering run (one seed) on one set, per language and overall."""
    from sklearn.metrics import adjusted_mutual_info_score

    run = method or cluster.cluster_texts
    rows = load_set(dataset)
    started = time.perf_counter()
    ami: dict[str, float] = {}
    found: dict[str, int] = {}
    all_true: list[str] = []
    all_pred: list[str] = []
    for lang in LANGS:
        subset = [r for r in rows if r["lang"] == lang]
        if not subset:
            continue
        truth = [_truth(r["label"]) for r in subset]
        predicted = list(run([r["text"] for r in subset], lang=lang, seed=seed, **options))
        ami[lang] = float(adjusted_mutual_info_score(truth, predicted))
        found[lang] = len(set(predicted) - {cluster.NOISE})
        all_true += [f"{lang}:{t}" for t in truth]
        all_pred += [f"{lang}:{p}" for p in predicted]
    ami["all"] = float(adjusted_mutual_info_score(all_true, all_pred))
    return Score(ami=ami, themes_found=found, seconds=time.perf_counter() - started)


def mean_ami(
    seeds: Iterable[int] = range(5),
    datasets: Iterable[str] = SETS,
    method: Method | None = None,
    **options: Any,
) -> dict[tuple[str, str], float]:
    """Mean AMI over seeds for each (set, language): the figure the decision record reports."""
    out: dict[tuple[str, str], float] = {}
    seeds = list(seeds)
    for name in datasets:
        scores = [evaluate(seed, dataset=name, method=method, **options) for seed in seeds]
        for lang in (*LANGS, "all"):
            out[(name, lang)] = statistics.fmean(s.ami[lang] for s in scores)
        for lang in LANGS:
            out[(name, f"k_{lang}")] = statistics.fmean(s.themes_found[lang] for s in scores)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=5, help="average over seeds 0..N-1")
    parser.add_argument("--set", choices=[*SETS, "all"], default="all")
    parser.add_argument("--labels", action="store_true", help="also print each theme's words (seed 0)")
    args = parser.parse_args(argv)
    names = list(SETS) if args.set == "all" else [args.set]
    print(f"Finnish lemmatiser: {normalise.finnish_backend()}; mean of seeds 0-{args.seeds - 1}")
    started = time.perf_counter()
    table = mean_ami(range(args.seeds), names)
    print(f"{'set':<14} {'AMI fi':>7} {'AMI sv':>7} {'overall':>7} {'themes fi':>9} {'themes sv':>9}")
    for name in names:
        print(
            f"{name:<14} {table[(name, 'fi')]:>7.3f} {table[(name, 'sv')]:>7.3f} {table[(name, 'all')]:>7.3f}"
            f" {table[(name, 'k_fi')]:>9.1f} {table[(name, 'k_sv')]:>9.1f}"
        )
    print(f"time: {time.perf_counter() - started:.1f} s")
    if args.labels:
        for name in names:
            rows = load_set(name)
            for lang in LANGS:
                texts = [r["text"] for r in rows if r["lang"] == lang]
                labels = cluster.cluster_texts(texts, lang=lang, seed=0)
                for theme, words in cluster.theme_labels(texts, labels, lang=lang).items():
                    print(f"{name} {lang} {theme}: {', '.join(words)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
