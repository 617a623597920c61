"""`python -m reader` does exactly what the `reader` console script does."""

from __future__ import annotations

from reader.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
