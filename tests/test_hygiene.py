"""The data layer stays free of Textual, so it can be used (and tested) without a terminal."""

from __future__ import annotations

import subprocess
import sys


def test_data_layer_does_not_import_textual() -> None:
    modules = [
        "reader.library",
        "reader.settings.config",
        "reader.settings.resources",
        "reader.markdown.document",
    ]
    modules += [
        "reader.markdown.rendering",
        "reader.cli",
        "reader.state.store",
        "reader.index.catalogue",
    ]
    modules += [
        "reader.index.search",
        "reader.index.filters",
        "reader.settings.config_file",
        "reader.state.exporting",
    ]
    modules += ["reader.settings.i18n", "reader.settings.strings"]
    script = "import sys\n" + "".join(f"import {m}\n" for m in modules)
    script += (
        "assert 'textual' not in sys.modules, sorted(m for m in sys.modules if 'textual' in m)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
