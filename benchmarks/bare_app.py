"""The baseline: a bare Textual app showing one Static (and a Footer)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Static


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("bare app ready")
        yield Footer()


if __name__ == "__main__":
    Bare().run()
