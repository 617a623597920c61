"""Types of the callable fixtures, for annotating the tests that take them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

ConfigWriter = Callable[[str], Path]
"""The `write_config` fixture: YAML text -> the config file written."""
