"""Shared fixtures: every test runs with its own data and cache folders."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.settings import i18n
from tests.support import ConfigWriter

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    """pytest-httpserver's server listens on loopback: no test reaches any other address."""
    return ("127.0.0.1", 0)


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """No test may touch the real per-user folders, nor depend on the machine's locale."""
    home = tmp_path / "home"
    for name, value in {
        "READER_DATA_DIR": home / "data",
        "READER_CACHE_DIR": home / "cache",
        "READER_CONFIG": home / "config.yaml",
        "XDG_DATA_HOME": home / "xdg-data",
        "XDG_CACHE_HOME": home / "xdg-cache",
        "XDG_CONFIG_HOME": home / "xdg-config",
    }.items():
        monkeypatch.setenv(name, str(value))
    # The interface speaks English unless a test asks otherwise, whatever the
    # machine's locale; and a French test leaves no French behind.
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    i18n.set_language("en")
    yield home
    i18n.set_language("en")


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    """A private copy of the small fixture library, free to modify."""
    target = tmp_path / "library"
    shutil.copytree(DATA / "library", target)
    return target


@pytest.fixture
def cases_dir() -> Path:
    return DATA / "cases"


@pytest.fixture
def config_file(isolated_user_dirs: Path) -> Path:
    """Where this test's config file is (READER_CONFIG); not written yet."""
    return isolated_user_dirs / "config.yaml"


@pytest.fixture
def write_config(config_file: Path) -> ConfigWriter:
    """Writes this test's config file with the given YAML; returns its path."""

    def write(text: str) -> Path:
        config_file.parent.mkdir(parents=True, exist_ok=True)
        config_file.write_text(text, encoding="utf-8")
        return config_file

    return write


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> dict[str, bool]:
    """Every store write fails as on a full disk while `full_disk["on"]` is true."""
    from reader.state.model import StoreError
    from reader.state.store import Store

    switch = {"on": True}
    real_write = Store._write

    def write(self: Store) -> object:
        if switch["on"]:
            raise StoreError("changes could not be saved (database or disk is full)")
        return real_write(self)

    monkeypatch.setattr(Store, "_write", write)
    return switch
