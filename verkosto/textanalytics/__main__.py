"""Command-line tools: `python -m verkosto.textanalytics scrub|cluster ...`.

Each reads one text per line on standard input and writes one line per input line.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    commands = {"scrub": "verkosto.textanalytics.scrub", "cluster": "verkosto.textanalytics.cluster"}
    if not args or args[0] not in commands:
        print("usage: python -m verkosto.textanalytics {scrub|cluster} [options] < texts", file=sys.stderr)
        return 2
    import importlib

    module = importlib.import_module(commands[args[0]])
    return int(module.main(args[1:]))


if __name__ == "__main__":
    raise SystemExit(main())
