"""Load the 19 regions and 309 municipalities of the 2025 classification from the shipped CSV."""

import csv
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "municipalities-2025.csv"


def load(apps, schema_editor):
    Region = apps.get_model("core", "Region")
    Municipality = apps.get_model("core", "Municipality")
    with DATA.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    regions = {}
    for row in rows:
        code = row["region_code"]
        if code not in regions:
            regions[code], _ = Region.objects.update_or_create(
                code=code,
                defaults={
                    "name": row["region_fi"],
                    "name_fi": row["region_fi"],
                    "name_sv": row["region_sv"] or row["region_fi"],
                    "name_en": row["region_en"] or row["region_fi"],
                },
            )
    for row in rows:
        Municipality.objects.update_or_create(
            code=row["code"],
            defaults={
                "name": row["name_fi"],
                "name_fi": row["name_fi"],
                # Monolingual Finnish municipalities have no Swedish name: Swedish uses the Finnish.
                "name_sv": row["name_sv"] or row["name_fi"],
                "name_en": row["name_fi"],
                "region": regions[row["region_code"]],
            },
        )


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
