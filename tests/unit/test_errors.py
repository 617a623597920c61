"""One root for reader's errors, and their words in the interface's language."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from pytest_httpserver import HTTPServer

import reader
from reader.cli import main
from reader.settings.errors import ReaderError
from reader.settings.i18n import set_language
from reader.web.fetch import FetchError, fetch

LOW_LEVEL = {"TooLarge", "NotRegular", "YamlError"}
"""Signals between a file reader and its caller, caught as OSError / ValueError and
turned into a worded reason there; never shown as they are."""


def _error_classes() -> list[type[BaseException]]:
    found = []
    for info in pkgutil.walk_packages(reader.__path__, prefix="reader."):
        module = importlib.import_module(info.name)
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, BaseException) and value.__module__ == info.name:
                found.append(value)
    return found


def test_every_error_of_reader_has_the_one_root() -> None:
    classes = _error_classes()
    assert len(classes) > 10  # the walk found them
    stray = [
        f"{cls.__module__}.{cls.__name__}"
        for cls in classes
        if not issubclass(cls, ReaderError) and cls.__name__ not in LOW_LEVEL
    ]
    assert stray == []


def test_a_page_that_cannot_be_fetched_is_said_in_french(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/gone").respond_with_data("no", status=404)
    set_language("fr")
    with pytest.raises(FetchError) as caught:
        fetch(httpserver.url_for("/gone"), 5)
    assert "le serveur a répondu 404" in str(caught.value)
    set_language("en")
    assert "the server answered 404" in str(caught.value)  # worded when shown


def test_the_command_line_shows_any_reader_error_as_one_line(
    httpserver: HTTPServer, capsys: pytest.CaptureFixture[str], isolated_user_dirs: object
) -> None:
    httpserver.expect_request("/big").respond_with_data("x", status=500)
    assert main(["add", httpserver.url_for("/big")]) == 1
    err = capsys.readouterr().err
    assert "the server answered 500" in err and "Traceback" not in err
    assert err.count("\n") == 1
