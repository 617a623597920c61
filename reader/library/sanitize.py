"""Make untrusted text harmless for a terminal.

Article files come from anywhere. A title or a body holding ESC (or any other
C0/C1 control character) could move the cursor, retitle the window, or worse,
once written to a terminal. Every string read from content passes through
`clean` before anything renders it: controls become visible symbols, so the
user can see that something odd was in the file. The functions live in
`reader.settings.untrusted`, beside the other defences against outside input.
"""

from __future__ import annotations

from reader.settings.untrusted import clean, display_path, display_text, has_controls

__all__ = ["clean", "display_path", "display_text", "has_controls"]
