"""Background work of the observations: recomputing the themes of one scope and language.

`themes.request_recompute` enqueues one task per language; `manage.py recompute_themes` runs the
same work synchronously. Arguments are plain JSON values so that a worker backend can store them.
"""

from __future__ import annotations

from django_tasks import task

from verkosto.core.models import Region

from . import themes
from .models import ThemeRun


@task()
def recompute_themes(region_id: int | None, language: str, run_id: int | None = None) -> int:
    """Recompute the themes of a scope (None: national) and language; returns the run's id."""
    region = Region.objects.get(pk=region_id) if region_id is not None else None
    run = ThemeRun.objects.filter(pk=run_id, status=ThemeRun.Status.QUEUED).first() if run_id else None
    actor = run.requested_by if run is not None else None
    return themes.recompute(region=region, language=language, actor=actor, run=run).pk
