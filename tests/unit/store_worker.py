"""A separate process that writes to a store, for crash and concurrency tests.

python -m tests.unit.store_worker stream DATA_DIR      # endless writes, 'ack N' after each
python -m tests.unit.store_worker bookmarks DATA_DIR PREFIX COUNT
"""

from __future__ import annotations

import sys
from pathlib import Path

from reader.state.model import Position
from reader.state.store import Store


def main(argv: list[str]) -> None:
    mode, data_dir = argv[0], Path(argv[1])
    store = Store.open(data_dir)
    if mode == "stream":
        number = 0
        while True:
            store.add_bookmark(f"article-{number}", title=f"Title {number}", note=f"note {number}")
            store.save_position(f"article-{number}", Position(number, 0.5, 0.25))
            print(f"ack {number}", flush=True)
            number += 1
    elif mode == "bookmarks":
        prefix, count = argv[2], int(argv[3])
        for number in range(count):
            store.add_bookmark(f"{prefix}-{number}", title=prefix)
            store.set_read(f"{prefix}-{number}", True)
        print("done", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
