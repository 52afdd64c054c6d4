"""Facet tokens, name order and name length of every indexed service, as numpy arrays in memory.

The full-text index (FTS5 / GIN) answers "which services match these words" in one lookup; this
store answers everything after that without another query: facet filters, facet counts (each
facet's counts ignore its own selection), and the ranking tie-breaks. A process loads it once and
reloads it when `SearchIndexState.token` changes (every index write changes it).

Layout: positions 0..n-1 are indexed services in id order. CSR (`indptr`, `columns`) gives each
position's facet columns; CSC (`col_indptr`, `col_rows`) gives each column's positions.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .models import SearchIndexState, ServiceSearchEntry

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

_lock = threading.Lock()
_current: FacetStore | None = None


@dataclass(frozen=True)
class FacetStore:
    token: str
    ids: IntArray  # service id at each position, ascending
    column_of: dict[str, int]  # facet token -> column
    indptr: IntArray
    columns: IntArray
    col_indptr: IntArray
    col_rows: IntArray
    name_order: IntArray  # rank of the service's sort name
    name_length: IntArray  # number of index terms in the names field

    @property
    def size(self) -> int:
        return len(self.ids)

    def positions(self, service_ids: list[int] | IntArray) -> IntArray:
        """Positions of these service ids (ids not in the store are dropped)."""
        wanted = np.asarray(service_ids, dtype=np.int64)
        if wanted.size == 0 or self.size == 0:
            return np.empty(0, dtype=np.int64)
        found = np.searchsorted(self.ids, wanted)
        found = np.clip(found, 0, self.size - 1)
        return found[self.ids[found] == wanted]

    def mask_any(self, tokens: list[str]) -> BoolArray:
        """Positions that have at least one of these facet tokens."""
        mask = np.zeros(self.size, dtype=bool)
        for token in tokens:
            column = self.column_of.get(token)
            if column is not None:
                mask[self.col_rows[self.col_indptr[column] : self.col_indptr[column + 1]]] = True
        return mask

    def count(self, mask: BoolArray) -> dict[str, int]:
        """How many of the masked positions carry each facet token."""
        rows = np.flatnonzero(mask)
        if rows.size == 0:
            return {}
        starts = self.indptr[rows]
        lengths = self.indptr[rows + 1] - starts
        total = int(lengths.sum())
        if total == 0:
            return {}
        # Gather all the rows' column slices at once: offsets within each slice plus its start.
        slice_starts = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
        gathered = self.columns[slice_starts + np.arange(total)]
        counts = np.bincount(gathered, minlength=len(self.column_of))
        tokens = self._tokens()
        return {tokens[c]: int(n) for c in np.flatnonzero(counts) for n in (counts[c],)}

    def _tokens(self) -> list[str]:
        tokens = [""] * len(self.column_of)
        for token, column in self.column_of.items():
            tokens[column] = token
        return tokens


def _load(token: str) -> FacetStore:
    rows = ServiceSearchEntry.objects.order_by("service_id").values_list(
        "service_id", "facets", "sort_name", "names"
    )
    ids: list[int] = []
    sort_names: list[str] = []
    lengths: list[int] = []
    indptr = [0]
    columns: list[int] = []
    column_of: dict[str, int] = {}
    for service_id, facets, sort_name, names in rows.iterator(chunk_size=5000):
        ids.append(service_id)
        sort_names.append(sort_name)
        lengths.append(names.count(" ") + 1 if names else 0)
        for facet in facets.split():
            columns.append(column_of.setdefault(facet, len(column_of)))
        indptr.append(len(columns))
    ids_array = np.asarray(ids, dtype=np.int64)
    columns_array = np.asarray(columns, dtype=np.int64)
    indptr_array = np.asarray(indptr, dtype=np.int64)
    row_of_entry = np.repeat(np.arange(len(ids), dtype=np.int64), np.diff(indptr_array))
    order = np.argsort(columns_array, kind="stable")
    col_counts = np.bincount(columns_array, minlength=len(column_of))
    col_indptr = np.concatenate([[0], np.cumsum(col_counts)]).astype(np.int64)
    name_order = np.empty(len(ids), dtype=np.int64)
    name_order[np.argsort(np.asarray(sort_names, dtype=object), kind="stable")] = np.arange(len(ids))
    return FacetStore(
        token=token,
        ids=ids_array,
        column_of=column_of,
        indptr=indptr_array,
        columns=columns_array,
        col_indptr=col_indptr,
        col_rows=row_of_entry[order],
        name_order=name_order,
        name_length=np.asarray(lengths, dtype=np.int64),
    )


def current_token() -> str:
    state = SearchIndexState.objects.filter(pk=1).values_list("token", flat=True).first()
    return state or ""


def facet_store() -> FacetStore:
    """The store for the index as it is now; reloads when the index has changed since."""
    global _current
    token = current_token()
    store = _current
    if store is not None and store.token == token:
        return store
    with _lock:
        if _current is None or _current.token != token:
            _current = _load(token)
        return _current
