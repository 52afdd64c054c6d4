"""Text-analytics benchmark: scrubbing throughput, grouping 100,000 signals (time and peak memory)
and the clustering's AMI on the three labelled evaluation sets (signals, encyclopaedic, forum).

Usage: python bench/textanalytics_bench.py [--signals N] [--seed N]
Each grouping runs in a child process so that its peak memory is its own.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from verkosto.textanalytics import normalise, scrub  # noqa: E402
from verkosto.textanalytics.evaluation.evaluate import SETS, evaluate, load_signals  # noqa: E402


def synthetic(n: int, seed: int) -> list[str]:
    """n Finnish signal texts made from the evaluation set with words dropped, repeated and a
    number added, so that they are not copies."""
    rng = random.Random(seed)
    base = [r["text"] for r in load_signals() if r["lang"] == "fi"]
    out = []
    for _ in range(n):
        words = rng.choice(base).split()
        kept = [w for w in words if rng.random() > 0.15] or words
        if rng.random() < 0.3:
            kept.insert(rng.randrange(len(kept) + 1), rng.choice(words))
        out.append(" ".join(kept) + f" ({rng.randint(2, 40)} nuorta)")
    return out


def grouping_child(n: int, seed: int) -> None:
    from verkosto.textanalytics import cluster

    texts = synthetic(n, seed)
    started = time.perf_counter()
    labels = cluster.cluster_texts(texts, lang="fi", seed=seed)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    themes = len(set(labels) - {-1})
    print(f"{seconds:.1f} {peak_mb:.0f} {themes}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--signals", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        grouping_child(args.signals, args.seed)
        return 0

    print(f"Finnish lemmas by {normalise.finnish_backend()}")
    texts = synthetic(5_000, args.seed)
    scrub.scrub(texts[0])  # load the name lists and Voikko once
    started = time.perf_counter()
    for text in texts:
        scrub.scrub(text)
    seconds = time.perf_counter() - started
    mean_chars = sum(map(len, texts)) / len(texts)
    print(f"scrubbing: {len(texts) / seconds:,.0f} texts/s ({mean_chars:.0f} characters on average)")

    for dataset in SETS:
        score = evaluate(seed=args.seed, dataset=dataset)
        print(
            f"AMI on the {dataset} set: fi {score.ami['fi']:.3f}, sv {score.ami['sv']:.3f}, "
            f"overall {score.ami['all']:.3f} (themes found: fi {score.themes_found['fi']}, "
            f"sv {score.themes_found['sv']})"
        )

    result = subprocess.run(
        [sys.executable, __file__, "--child", "--signals", str(args.signals), "--seed", str(args.seed)],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds_text, peak, themes = result.stdout.split()
    seconds_value, peak_value = float(seconds_text), float(peak)
    print(
        f"grouping {args.signals:,} signals: {seconds_value:.1f} s, peak memory {peak_value:.0f} MB, {themes} themes"
    )
    print(
        f"targets: <= 60 s {'met' if seconds_value <= 60 else 'NOT met'}; "
        f"<= 2 GB {'met' if peak_value <= 2048 else 'NOT met'}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
