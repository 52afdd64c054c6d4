"""Where each region sits on the schematic tile map of Finland that network and radar pages draw.

(column, row), north at the top. A tile grid, not a map: neighbours are roughly neighbours, sizes
are not sizes.
"""

REGION_TILES: dict[str, tuple[int, int]] = {
    "MK19": (3, 0),
    "MK17": (3, 1), "MK18": (4, 1),
    "MK16": (2, 2), "MK11": (4, 2), "MK12": (5, 2),
    "MK15": (1, 3), "MK14": (2, 3), "MK13": (3, 3), "MK10": (4, 3),
    "MK04": (1, 4), "MK06": (2, 4), "MK07": (3, 4), "MK08": (4, 4), "MK09": (5, 4),
    "MK21": (0, 5), "MK02": (1, 5), "MK05": (2, 5), "MK01": (3, 5),
}  # fmt: skip
