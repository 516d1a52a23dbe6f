"""Text for a terminal: what a file says, never a control sequence that would drive the terminal itself."""
from __future__ import annotations

import html
import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(value: object) -> str:
    """`value` with entities decoded and control characters shown as \\xNN (an escape sequence
    in a scenario name or a version summary must not recolour or rewrite the terminal)."""
    return _CONTROL.sub(lambda found: f"\\x{ord(found.group()):02x}" if ord(found.group()) < 256
                        else f"\\u{ord(found.group()):04x}", html.unescape(str(value)))
