"""Group silent signals (short free texts) into themes, and name each theme by its words.

The method was chosen by adjusted mutual information on three labelled sets in `evaluation/`
(signals, encyclopaedic sentences, forum posts; see `evaluation/evaluate.py` and
docs/decisions/0003-signal-clustering.md): TF-IDF on subject terms (base-form stems with compound
parts, Swedish lemmas, colloquial Finnish mapped to standard forms, function words dropped) plus
character n-grams, reduced by LSA to a few dimensions, then k-means with the number of themes
chosen as the smallest k whose silhouette nearly reaches the best. Texts far from every theme
centre, and themes too small to mean anything, get -1 ("no theme"). Everything runs on sparse
matrices or a narrow dense one, so 100,000 texts fit in memory and time (MiniBatchKMeans and a
sampled silhouette above a few thousand texts).
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

import numpy as np

from verkosto.textanalytics import normalise

NOISE = -1
# LSA keeps this many dimensions: few enough that texts sharing no word but sharing neighbours'
# words still land close (measured best among 10/15/20/30/50/100 on the evaluation set).
_LSA_DIMS = 20
# Character n-grams catch Swedish compounds and words neither lemmatiser knows; their weight
# relative to the word terms.
_CHAR_WEIGHT = 0.7
# Above this many texts, k is chosen on a sample of this many and the final k-means runs in
# mini-batches; silhouette is measured on a sample.
_BIG = 5_000
_SILHOUETTE_SAMPLE = 4_000
# A text whose cosine similarity to its theme centre is below this has no theme.
_MIN_SIMILARITY = 0.3
# The largest number of themes considered: more would not help a person reading them.
MAX_THEMES = 40
# k: the smallest whose silhouette reaches this share of the best, among k up to this many times
# sqrt(n) (measured: 0.8 / 0.85 / 0.9 / 0.95 and ceilings sqrt(n/2), 1.2 sqrt(n), 40).
_SILHOUETTE_SHARE = 0.9
_K_CEILING = 1.2
# Grouping reads `normalise.subject_terms` (Swedish lemmas, compound parts, colloquial Finnish)
# and drops Finnish function words by Voikko's word class; False gives the search terms
# (`normalise.tokens`), the method before, kept for the evaluation's comparison.
_SUBJECT_TERMS = True
_FUNCTION_FILTER = True


# Function words and the reporting verbs of every signal ("nuoret kertovat", "näkyy"): they tie
# texts together by how they are written, not by what they are about. Measured: without these,
# Swedish themes formed around "och", "att" and "inte".
_STOP_WORDS: dict[str, str] = {
    "fi": """ja on ei eivät en et se ne että ovat oli olla ole olisi he hän me te joka jotka
        jonka joiden jolla joilla kun mutta myös niin tai kuin vain jo nyt eikä koska vaikka siksi
        sekä yhä usein moni monet osa kaikki jälkeen tämä nämä tuo mikä mitä ilman jopa enää kanssa
        mukaan vuoksi takia eri paljon vähän hyvin aina meillä meille heidän heille heitä yli alle
        entistä useampi usea kertoa huomata näkyä sanoa eli siis vielä sitten jos kun itse
        minä sinä hän me te he mä sä mun sun meidän teidän meijän teijän tää toi noi nää ite
        oo ois olis pitää pitäis kyllä kyl ku et niinku nii sit sitte ihan vaan vain vähän tosi
        oikeesti jotain jotenkin mitään joku jokin kukaan mikään koko taas jo ny onks onko
        enemmän vähemmän ennen hyvin todella melko tosin juuri kuitenkin ainakin heti siellä täällä
        mikä miten miks miksi mitä tämä tuo tossa tässä siinä siitä sen sitä sille niin kuin""",
    "sv": """och att det som en ett i på för med till av är har inte de den om men eller så kan
        får från efter utan under när vid än också bara redan mer många flera allt alla finns blir
        hade var vara ska skulle sina sin sitt deras vi man han hon någon något inga ingen mycket nu
        där vilket vet kommer berättar säger ser sig dem detta denna dessa oss även
        jag du hen ni mig dig honom henne er min mitt mina din ditt dina hans hennes vår vårt
        våra ert era här hur vad varför vem vilken vilka ju nog väl då sen sedan ganska helt
        alltid aldrig igen fortfarande några hela lite mest sådan sådana över mellan genom mot
        hos kring före ingenting inget e ja nån nåt nåra dom va typ asså liksom ba nä jo""",
}
# Words of almost every signal: kept for clustering (idf weighs them down) but never as a name.
_GENERIC_WORDS: dict[str, str] = {"fi": "nuori asiakas", "sv": "ung unga klient klienter"}


def _terms_of(words: str, lang: normalise.Lang) -> frozenset[str]:
    out = {normalise.terms_for_word(w, lang)[0] for w in words.split()}
    if _SUBJECT_TERMS:
        out |= {normalise.subject_terms(w, lang)[0] for w in words.split()}
    return frozenset(out)


class _Analyzer:
    """Terms of a text without stop words; a class (not a closure) so that a fitted space pickles."""

    def __init__(self, lang: normalise.Lang) -> None:
        self.lang = lang
        self.stop = _terms_of(_STOP_WORDS.get(lang, ""), lang)

    def __call__(self, text: str) -> list[str]:
        if not _SUBJECT_TERMS:
            return [t for t in normalise.tokens(text, self.lang) if t not in self.stop]
        out: list[str] = []
        for word in normalise.words(text):
            if _FUNCTION_FILTER and normalise.is_function_word(word, self.lang):
                continue
            out.extend(t for t in normalise.subject_terms(word, self.lang) if t not in self.stop)
        return out


def _analyzer(lang: normalise.Lang) -> Any:
    return _Analyzer(lang)


class FeatureSpace:
    """The fitted text-to-vector pipeline: word and character TF-IDF, then LSA, unit length.

    `fit` learns it from a corpus; `transform` maps any later text into the same space, so that a
    new signal can be compared with the centres of themes found earlier. Picklable.
    """

    def __init__(self, lang: normalise.Lang, seed: int) -> None:
        self.lang = lang
        self.seed = seed
        self._blocks: list[tuple[Any, float]] = []
        self._svd: Any = None

    @classmethod
    def fit(cls, texts: Sequence[str], lang: normalise.Lang = "fi", seed: int = 0) -> FeatureSpace:
        space = cls(lang, seed)
        space._fit_transform(texts)
        return space

    @classmethod
    def fit_transform(
        cls, texts: Sequence[str], lang: normalise.Lang = "fi", seed: int = 0
    ) -> tuple[FeatureSpace, np.ndarray]:
        """The fitted space and the texts' vectors in it (the same as `transform(texts)`), in one
        pass over the texts."""
        space = cls(lang, seed)
        return space, space._fit_transform(texts)

    def _fit_transform(self, texts: Sequence[str]) -> np.ndarray:
        from scipy import sparse
        from sklearn.decomposition import TruncatedSVD
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.preprocessing import normalize

        # min_df=2: a term in one text only cannot link texts; max_df drops words of every signal.
        words = TfidfVectorizer(
            analyzer=_Analyzer(self.lang), sublinear_tf=True, min_df=2, max_df=0.3, dtype=np.float32
        )
        chars = TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=(3, 5),
            lowercase=True,
            sublinear_tf=True,
            min_df=2,
            max_df=0.3,
            dtype=np.float32,
        )
        blocks = []
        self._blocks = []
        for vectorizer, weight in ((words, 1.0), (chars, _CHAR_WEIGHT)):
            try:
                blocks.append(weight * normalize(vectorizer.fit_transform(texts)))
            except ValueError:  # no term survives min_df/max_df (tiny or degenerate input)
                continue
            self._blocks.append((vectorizer, weight))
        if not blocks:
            return np.zeros((len(texts), 1), dtype=np.float32)
        x = normalize(sparse.hstack(blocks).tocsr())
        dims = min(_LSA_DIMS, x.shape[1] - 1, x.shape[0] - 1)
        if dims < 2:
            return np.asarray(x.toarray(), dtype=np.float32)
        self._svd = TruncatedSVD(dims, algorithm="randomized", random_state=self.seed)
        reduced = self._svd.fit_transform(x)
        return np.asarray(normalize(reduced), dtype=np.float32)

    def transform(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length vectors of the texts in this space; all-zero rows for texts with no term."""
        from scipy import sparse
        from sklearn.preprocessing import normalize

        if not self._blocks:
            return np.zeros((len(texts), 1), dtype=np.float32)
        blocks = [weight * normalize(v.transform(texts)) for v, weight in self._blocks]
        x = normalize(sparse.hstack(blocks).tocsr())
        if self._svd is None:
            return np.asarray(x.toarray(), dtype=np.float32)
        return np.asarray(normalize(self._svd.transform(x)), dtype=np.float32)


def _features(texts: Sequence[str], lang: normalise.Lang, seed: int) -> np.ndarray:
    """Unit-length LSA vectors of the texts; all-zero rows for texts with no usable term."""
    return FeatureSpace(lang, seed)._fit_transform(texts)


def _kmeans(x: np.ndarray, k: int, seed: int) -> Any:
    from sklearn.cluster import KMeans, MiniBatchKMeans

    if len(x) > _BIG:
        return MiniBatchKMeans(k, random_state=seed, n_init=3, batch_size=4096).fit(x)
    return KMeans(k, random_state=seed, n_init=5).fit(x)


def _candidate_ks(n: int, max_themes: int) -> list[int]:
    # At most about 1.2 sqrt(n) themes: 20 for 300 texts, 40 (MAX_THEMES) from 1,100 texts on.
    top = min(max_themes, max(2, int(_K_CEILING * math.sqrt(n))), n - 1)
    ks = list(range(2, top + 1))
    if len(ks) > 20 and n > _BIG:  # large inputs: a coarse grid keeps the search within the time budget
        ks = sorted({round(v) for v in np.geomspace(2, top, 20)})
    return ks


def _choose(scores: dict[int, float]) -> int:
    """The smallest k whose silhouette is within `_SILHOUETTE_SHARE` of the best one.

    On LSA vectors of short texts silhouette keeps creeping up with k (ever smaller, tighter
    groups), so its maximum sits at the largest k allowed; the first k that reaches nearly the
    same score is where the real structure ends (measured on three labelled sets: docs/decisions/
    0003-signal-clustering.md).
    """
    best = max(scores.values())
    if best <= 0:
        return max(scores, key=lambda k: (scores[k], -k))
    return min(k for k, score in scores.items() if score >= _SILHOUETTE_SHARE * best)


def cluster_vectors(
    x: np.ndarray,
    *,
    seed: int = 0,
    max_themes: int = MAX_THEMES,
    min_similarity: float = _MIN_SIMILARITY,
) -> np.ndarray:
    """Group unit-length rows of `x` (all-zero rows: no theme): a theme id per row or -1.

    The number of themes is chosen by silhouette (see `_choose`); ids are ordered by theme size,
    largest first.
    """
    from sklearn.metrics import silhouette_score
    from threadpoolctl import threadpool_limits

    labels = np.full(len(x), NOISE, dtype=np.int64)
    rows = np.flatnonzero(np.linalg.norm(x, axis=1) > 0) if len(x) else np.array([], dtype=np.int64)
    xs = x[rows]
    if len(xs) < 4:
        return labels
    # Above _BIG texts the number of themes is chosen on a random sample of _BIG of them (enough to
    # see groups of 1 %), and only the chosen k is fitted on all (measured on 100,000 texts: the
    # grouping step took 2.1 s instead of 28.7 s).
    search = xs
    if len(xs) > _BIG:
        search = xs[np.sort(np.random.default_rng(seed).choice(len(xs), _BIG, replace=False))]
    models: dict[int, Any] = {}
    scores: dict[int, float] = {}
    # The search (at most _BIG rows) runs on one thread: OpenMP's busy-waiting threads made these
    # small k-means fits 30 times slower on a busy 2-core machine (measured).
    with threadpool_limits(limits=1):
        for k in _candidate_ks(len(xs), max_themes):
            model = _kmeans(search, k, seed)
            if len(set(model.labels_.tolist())) < 2:
                continue
            models[k] = model
            scores[k] = float(
                silhouette_score(
                    search,
                    model.labels_,
                    metric="cosine",
                    sample_size=min(len(search), _SILHOUETTE_SAMPLE),
                    random_state=seed,
                )
            )
    if not scores:
        return labels
    chosen = _choose(scores)
    model = models[chosen] if search is xs else _kmeans(xs, chosen, seed)
    assigned = np.asarray(model.labels_)
    centres = model.cluster_centers_ / np.maximum(
        np.linalg.norm(model.cluster_centers_, axis=1, keepdims=True), 1e-12
    )
    similarity = np.einsum("ij,ij->i", xs, centres[assigned])
    assigned = np.where(similarity >= min_similarity, assigned, NOISE)
    # A "theme" of one or two texts is an outlier, not a pattern.
    sizes = Counter(assigned.tolist())
    sizes.pop(NOISE, None)
    kept = [c for c, size in sorted(sizes.items(), key=lambda cs: (-cs[1], cs[0])) if size >= 3]
    renumber = {old: new for new, old in enumerate(kept)}
    labels[rows] = [renumber.get(c, NOISE) for c in assigned.tolist()]
    return labels


def cluster_texts(
    texts: Sequence[str],
    *,
    lang: normalise.Lang = "fi",
    seed: int = 0,
    max_themes: int = MAX_THEMES,
    min_similarity: float = _MIN_SIMILARITY,
) -> list[int]:
    """A theme id (0, 1, ...) per text, or -1 for none; the same for the same texts and seed.

    The number of themes is chosen from the data. Ids are ordered by theme size, largest first.
    """
    labels = [NOISE] * len(texts)
    analyse = _analyzer(lang)
    usable = [i for i, t in enumerate(texts) if analyse(t)]
    if len(usable) < 4:
        return labels
    x = _features([texts[i] for i in usable], lang, seed)
    found = cluster_vectors(x, seed=seed, max_themes=max_themes, min_similarity=min_similarity)
    for row, label in enumerate(found.tolist()):
        labels[usable[row]] = label
    return labels


def _display_form(word: str, lang: normalise.Lang) -> str:
    """The readable base form of a word: Finnish lemma, otherwise the lower-case word."""
    if lang == "fi":
        return normalise._finnish_analysis(word)[0]
    return word.lower()


def theme_labels(
    texts: Sequence[str], labels: Sequence[int], *, lang: normalise.Lang = "fi", top: int = 5
) -> dict[int, list[str]]:
    """Each theme's most characteristic base-form words, by class-based TF-IDF (c-TF-IDF).

    A term weighs more the more often it occurs in the theme and the fewer themes use it; words
    found in only one text of a theme are skipped, since they describe a text, not the theme.
    """
    term_counts: dict[int, Counter[str]] = defaultdict(Counter)
    doc_counts: dict[int, Counter[str]] = defaultdict(Counter)
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for text, label in zip(texts, labels, strict=True):
        if label == NOISE:
            continue
        seen = set()
        for word in normalise.words(text):
            term = normalise.terms_for_word(word, lang)[0]
            if len(term) < 3:
                continue
            term_counts[label][term] += 1
            seen.add(term)
            forms[term][_display_form(word, lang)] += 1
        doc_counts[label].update(seen)
    if not term_counts:
        return {}
    skip = _terms_of(_STOP_WORDS.get(lang, "") + " " + _GENERIC_WORDS.get(lang, ""), lang)
    total = Counter[str]()
    for counts in term_counts.values():
        total.update(counts)
    average = sum(total.values()) / len(term_counts)
    out: dict[int, list[str]] = {}
    for label in sorted(term_counts):
        counts = term_counts[label]
        size = sum(counts.values())
        scores = {
            term: (count / size) * math.log(1 + average / total[term])
            for term, count in counts.items()
            if doc_counts[label][term] >= 2 and term not in skip
        }
        ranked = sorted(scores, key=lambda t: (-scores[t], t))[:top]
        out[label] = [forms[t].most_common(1)[0][0] for t in ranked]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m verkosto.textanalytics cluster",
        description="Read one text per line on stdin; write one theme id per line (-1: none).",
    )
    parser.add_argument("--lang", choices=["fi", "sv"], default="fi")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    # Signals are Finnish and Swedish: UTF-8 whatever the locale says.
    sys.stdin.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    texts = [line.rstrip("\r\n") for line in sys.stdin]
    for label in cluster_texts(texts, lang=args.lang, seed=args.seed):
        sys.stdout.write(f"{label}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
