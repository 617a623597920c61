"""Where reader keeps per-user files, and the settings one run works with.

Resolved once, by the CLI, then passed down: nothing else reads the environment.
`READER_DATA_DIR` relocates the state store (and isolates tests);
`READER_CACHE_DIR` does the same for rebuildable caches.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reader.settings.config_keys import BY_NAME, CONFIG_KEYS

if TYPE_CHECKING:
    from reader.settings.config_file import FileConfig
    from reader.settings.hide_rules import HideRule
    from reader.settings.i18n import Msg

APP_NAME = "reader"
DATA_DIR_ENV = "READER_DATA_DIR"
CACHE_DIR_ENV = "READER_CACHE_DIR"


@dataclass(frozen=True)
class Settings:
    """What one run of reader works with."""

    data_dir: Path
    """Reading state and bookmarks live here; losing it loses the user's work."""
    cache_dir: Path
    """Rebuildable caches (catalogue, search index); safe to delete."""
    content_dirs: tuple[Path, ...]
    """Extra article folders the user asked for, in the order given."""
    include_bundled: bool = True
    """Whether the library shipped with reader is read too."""
    include_saved: bool = True
    """Read the user's own library (saved pages, feed items); not when one file, folder
    or page was asked for alone (`reader FILE`, `reader DIR`, `reader URL`)."""
    theme: str | None = None
    """The theme the config file asks for (None: the last one chosen, or Textual's)."""
    reading_width: int | None = None
    """The text column width the config file asks for."""
    fetch_every: int = BY_NAME["fetch_every"].default
    """Minutes after which the interface fetches the feeds at launch (0: never)."""
    language: str = "en"
    """The interface language (the config file's, else the locale's, else English)."""
    keys: dict[str, str] = field(default_factory=dict)
    """Key overrides by binding id (Textual keymap)."""
    hide: tuple[HideRule, ...] = ()
    """Rules that hide feed items as they arrive (`hide:` in the config file)."""
    config_problems: tuple[Msg, ...] = ()
    """What was wrong in the config file (each part broken fell back to its default)."""
    open_path: Path | None = None
    """A file to open at launch (`reader FILE.md`), instead of the last session's article."""
    suggested_address: str | None = None
    """A page shown but not kept (`reader URL`): what `a` offers to keep."""


def _user_dir(kind: str) -> Path:
    # Imported here so that `reader --version` does not pay for platformdirs.
    import platformdirs

    if kind == "data":
        return platformdirs.user_data_path(APP_NAME, appauthor=False)
    return platformdirs.user_cache_path(APP_NAME, appauthor=False)


def resolve_settings(
    *,
    data_dir: str | os.PathLike[str] | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    content_dirs: Iterable[str | os.PathLike[str]] = (),
    include_bundled: bool = True,
    environ: Mapping[str, str] | None = None,
    config_file: Path | None = None,
    config: FileConfig | None = None,
) -> Settings:
    """Combine command-line values, environment, the config file and platform defaults.

    Precedence: an explicit argument, then the environment variable, then the
    platform's per-user directory. `config` is the config file already read
    (the CLI reads it first, for the language); else `config_file` is read.
    """
    env = os.environ if environ is None else environ

    def pick(explicit: str | os.PathLike[str] | None, variable: str, kind: str) -> Path:
        if explicit:
            return expand(os.fspath(explicit))
        if env.get(variable):
            return expand(env[variable])
        return _user_dir(kind)

    from reader.settings.config_file import FileConfig, load_config
    from reader.settings.config_keys import expand

    if config is None:
        config = load_config(config_file) if config_file is not None else FileConfig(Path())
    chosen = {key.name: config.get(key.name) for key in CONFIG_KEYS}
    chosen["content_dirs"] = chosen.pop("content") + tuple(expand(str(p)) for p in content_dirs)
    chosen["language"] = interface_language(config, env)
    return Settings(
        data_dir=pick(data_dir, DATA_DIR_ENV, "data"),
        cache_dir=pick(cache_dir, CACHE_DIR_ENV, "cache"),
        include_bundled=include_bundled,
        config_problems=config.problems,
        **chosen,
    )


def interface_language(config: FileConfig | None, environ: Mapping[str, str]) -> str:
    """The config file's `language`, else the locale's."""
    if config is not None and config.get("language"):
        return str(config.get("language"))
    return locale_language(environ)


def locale_language(environ: Mapping[str, str]) -> str:
    """`fr` when LC_ALL, LC_MESSAGES or LANG (the first one set) says French; else `en`."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


SAVED_FOLDER = "library"
"""Inside the data directory: the user's own library (pages saved with `reader add`)."""


def library_folders(settings: Settings) -> list[Path]:
    """The folders to read: the bundled library first (unless left out), then the user's.

    Order matters: when two files claim one id, the first folder's wins.
    """
    from reader.settings import resources

    bundled = [resources.content_dir()] if settings.include_bundled else []
    saved = settings.data_dir / SAVED_FOLDER  # pages saved with `reader add`
    own = [saved] if settings.include_saved and saved.is_dir() else []
    own = [folder for folder in own if folder not in settings.content_dirs]
    return bundled + list(settings.content_dirs) + own
