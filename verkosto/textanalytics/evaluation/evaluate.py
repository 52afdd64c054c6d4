"""Measure theme clustering on the labelled signals: `python -m verkosto.textanalytics.evaluation.evaluate`.

`signals.jsonl` holds one {"text", "lang", "theme"} per line; theme "none" marks off-topic texts,
which the ideal clustering puts in -1. Each language is clustered on its own, as in use, so the
overall score compares (language, theme) with (language, theme id).
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from verkosto.textanalytics import cluster, normalise

SIGNALS = Path(__file__).with_name("signals.jsonl")
NONE_THEME = "none"


def load_signals(path: Path = SIGNALS) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@dataclass(frozen=True)
class Score:
    ami: dict[str, float]  # "fi", "sv", "all"
    themes_found: dict[str, int]
    seconds: float


def _truth(theme: str) -> str:
    # Off-topic texts form the "-1" class of the ideal answer.
    return "-1" if theme == NONE_THEME else theme


def evaluate(seed: int = 0, **options: Any) -> Score:
    from sklearn.metrics import adjusted_mutual_info_score

    rows = load_signals()
    started = time.perf_counter()
    ami: dict[str, float] = {}
    found: dict[str, int] = {}
    all_true: list[str] = []
    all_pred: list[str] = []
    for lang in ("fi", "sv"):
        subset = [r for r in rows if r["lang"] == lang]
        truth = [_truth(r["theme"]) for r in subset]
        predicted = cluster.cluster_texts([r["text"] for r in subset], lang=lang, seed=seed, **options)
        ami[lang] = float(adjusted_mutual_info_score(truth, predicted))
        found[lang] = len(set(predicted) - {cluster.NOISE})
        all_true += [f"{lang}:{t}" for t in truth]
        all_pred += [f"{lang}:{p}" for p in predicted]
    ami["all"] = float(adjusted_mutual_info_score(all_true, all_pred))
    return Score(ami=ami, themes_found=found, seconds=time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--labels", action="store_true", help="also print each theme's words")
    args = parser.parse_args(argv)
    score = evaluate(seed=args.seed)
    print(f"Finnish lemmatiser: {normalise.finnish_backend()}")
    for key in ("fi", "sv", "all"):
        themes = f", {score.themes_found[key]} themes found" if key in score.themes_found else ""
        print(f"AMI {key}: {score.ami[key]:.3f}{themes}")
    print(f"time: {score.seconds:.2f} s")
    if args.labels:
        rows = load_signals()
        for lang in ("fi", "sv"):
            texts = [r["text"] for r in rows if r["lang"] == lang]
            labels = cluster.cluster_texts(texts, lang=lang, seed=args.seed)
            for theme, words in cluster.theme_labels(texts, labels, lang=lang).items():
                print(f"{lang} {theme}: {', '.join(words)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
