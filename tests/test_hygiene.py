"""The data layer stays free of Textual, so it can be used (and tested) without a terminal."""

from __future__ import annotations

import subprocess
import sys


def test_data_layer_does_not_import_textual() -> None:
    modules = ["reader.library", "reader.config", "reader.resources", "reader.document"]
    modules += ["reader.rendering", "reader.cli", "reader.store", "reader.catalogue"]
    modules += ["reader.search", "reader.filters", "reader.config_file", "reader.exporting"]
    modules += ["reader.i18n", "reader.strings"]
    script = "import sys\n" + "".join(f"import {m}\n" for m in modules)
    script += (
        "assert 'textual' not in sys.modules, sorted(m for m in sys.modules if 'textual' in m)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
