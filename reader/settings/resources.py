"""The one place that knows where the bundled `content/` and `styles/` folders live.

In an installed wheel they sit inside the package (hatchling's force-include puts
them there). In a source checkout or an editable install they are top-level
folders beside the package. Nothing else in reader needs to know the difference.
"""

from __future__ import annotations

from pathlib import Path

from reader.settings.errors import ReaderError

_PACKAGE_DIR = Path(__file__).resolve().parents[1]
"""The `reader` package folder (this module lives one level below it)."""


class ResourceMissingError(ReaderError):
    """The installation is incomplete: a bundled folder cannot be found."""


def _find(name: str) -> Path:
    for candidate in (_PACKAGE_DIR / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    from reader.settings.i18n import t

    raise ResourceMissingError(
        t(
            "resources.missing",
            name=name,
            inside=_PACKAGE_DIR / name,
            beside=_PACKAGE_DIR.parent / name,
        )
    )


def content_dir() -> Path:
    """The bundled library of articles."""
    return _find("content")


def styles_dir() -> Path:
    """The Textual CSS files."""
    return _find("styles")
