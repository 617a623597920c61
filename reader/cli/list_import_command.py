"""`reader import-list FILE`: a reading list from another service, brought into the library.

Kept apart from `reader import`, which merges reading state. Progress goes to
standard error (a bar on a terminal, nothing when redirected); the summary
to standard output. Ctrl-C stops it keeping what is done; run again, it goes
on where it stopped.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from reader.cli.common import EXIT_ERROR, EXIT_OK, UserError, open_store, settings_for, warn
from reader.settings.i18n import number, plural, t, words
from reader.settings.untrusted import display_text

if TYPE_CHECKING:
    from reader.state.store import Store
    from reader.web.list_import import Outcome

SHOWN_FAILURES = 20
"""Failed pages listed by name in the summary; the rest are counted."""
SHOWN_SKIPPED = 20


def cmd_import_list(args: argparse.Namespace, out: TextIO) -> int:
    from reader.web.list_import import Result, import_entries
    from reader.web.reading_lists import ListError, read_list
    from reader.web.saved import saved_folder

    settings = settings_for(args)
    source = Path(args.file).expanduser()
    try:
        listing = read_list(source, args.format)
    except ListError as error:
        raise UserError(f"{source}: {error}") from None
    total = len(listing.entries)
    kind = words(listing.format.label)
    out.write(plural("lists.read", total, path=source, format=kind))
    if listing.repeated:
        out.write(f" ({t('lists.repeated', count=number(listing.repeated))})")
    out.write("\n")
    for place in listing.skipped[:SHOWN_SKIPPED]:
        warn(t("lists.skipped", place=place))
    if len(listing.skipped) > SHOWN_SKIPPED:
        warn(t("lists.more_failures", count=number(len(listing.skipped) - SHOWN_SKIPPED)))
    out.flush()

    carrier = _StateCarrier(open_store(settings))
    bar = _Bar(total) if sys.stderr.isatty() else None

    outcomes: list[Outcome] = []

    def progress(outcome: Outcome, done: int, total: int) -> None:
        outcomes.append(outcome)
        carrier.carry(outcome)
        if bar is not None:
            bar.show(outcome, done)

    interrupted = False
    try:
        import_entries(
            listing.entries,
            saved_folder(settings.data_dir),
            retry_failed=args.retry_failed,
            timeout=args.timeout,
            progress=progress,
        )
    except KeyboardInterrupt:
        interrupted = True
    if bar is not None:
        bar.close()
    counts = {result: 0 for result in Result}
    for outcome in outcomes:
        counts[outcome.result] += 1
    failed = [outcome for outcome in outcomes if outcome.result is Result.UNFETCHED]
    out.write(
        t(
            "lists.summary",
            added=number(counts[Result.ADDED]),
            there=number(counts[Result.THERE] + counts[Result.FAILED_BEFORE]),
            failed=number(len(failed)),
        )
        + "\n"
    )
    if failed:
        out.write(t("lists.failed_kept") + "\n")
        for outcome in failed[:SHOWN_FAILURES]:
            out.write(f"  {outcome.entry.url}: {outcome.reason}\n")
        if len(failed) > SHOWN_FAILURES:
            out.write(f"  {t('lists.more_failures', count=number(len(failed) - SHOWN_FAILURES))}\n")
    if counts[Result.FAILED_BEFORE]:
        out.write(t("lists.failed_before", count=number(counts[Result.FAILED_BEFORE])) + "\n")
    if carrier.failed:
        warn(t("lists.state_not_saved"))
    if interrupted:
        out.write(t("lists.interrupted", done=number(len(outcomes)), total=number(total)) + "\n")
        return 130
    return EXIT_ERROR if failed else EXIT_OK


class _StateCarrier:
    """The export's archived and starred marks, written as reading state as pages arrive."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._known = set(store.states()) if store.persistent else set()
        self.failed = not store.persistent

    def carry(self, outcome: Outcome) -> None:
        from reader.state.model import StoreError

        read, bookmark = outcome.marks(outcome.article_id in self._known)
        if self.failed or not (read or bookmark):
            return
        try:
            if read:
                self._store.set_read(outcome.article_id, True)
            if bookmark:
                self._store.add_bookmark(outcome.article_id, outcome.title)
        except StoreError:
            self.failed = True
        self._known.add(outcome.article_id)


class _Bar:
    """One line on standard error, drawn again at most ten times a second."""

    def __init__(self, total: int) -> None:
        self._total = max(total, 1)
        self._started = time.monotonic()
        self._drawn = 0.0
        self._failed = 0
        self._fetched = 0

    def show(self, outcome: Outcome, done: int) -> None:
        from reader.web.list_import import Result, time_left

        self._failed += outcome.result is Result.UNFETCHED
        self._fetched += outcome.result in (Result.ADDED, Result.UNFETCHED)
        now = time.monotonic()
        if now - self._drawn < 0.1 and done < self._total:
            return
        self._drawn = now
        width = shutil.get_terminal_size((80, 24)).columns
        words = t(
            "lists.progress",
            done=number(done),
            total=number(self._total),
            failed=number(self._failed),
        )
        left = time_left(now - self._started, self._fetched, self._total - done)
        if left:
            words += f" · {left}"
        room = max(10, min(40, width - len(words) - 4))
        filled = round(room * done / self._total)
        line = f"[{'█' * filled}{'░' * (room - filled)}] {words}"
        sys.stderr.write("\r" + display_text(line[: width - 1]) + "\x1b[K")
        sys.stderr.flush()

    def close(self) -> None:
        sys.stderr.write("\n")
        sys.stderr.flush()
