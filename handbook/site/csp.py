"""A strict Content-Security-Policy for each page, listing the hashes of its inline scripts.

Material ships small inline scripts whose text varies by page; hashing them lets the policy
forbid every other inline script ('unsafe-inline' stays out) while the theme keeps working.

Inline styles are forbidden too (`style-src 'self'`): the handbook's pages carry none (tables
align with `align=`, the What changed page's rules are in handbook.css), and Material's scripts
style elements only through the CSSOM (`element.style`), which a CSP does not govern; a browser
test collects every violation while searching, scrolling, answering a checker and opening the
menu. One exception, for Zensical only: its search dialog puts a <style> element, made by its
script, into a shadow root, and without 'unsafe-inline' the search opens unstyled; the text of
that <style> lives inside its minified script, so it cannot be hashed here safely. Sites built
with Zensical therefore allow inline styles (never inline scripts) until Zensical ships that
style as a file.
"""
from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", re.DOTALL)
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)

POLICY = (
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval' {hashes}",
    "style-src 'self'{inline_styles}",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


def script_hashes(html: str) -> list[str]:
    digests = {hashlib.sha256(body.encode("utf-8")).digest() for body in _INLINE_SCRIPT.findall(html)}
    return sorted(f"'sha256-{base64.b64encode(digest).decode()}'" for digest in digests)


def protect(html: str, *, inline_styles: bool = False) -> str:
    """Insert the policy as the first thing after the charset, before any script it governs."""
    policy = "; ".join(POLICY).format(hashes=" ".join(script_hashes(html)),
                                      inline_styles=" 'unsafe-inline'" if inline_styles else "")
    policy = policy.replace("  ", " ").strip()
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    found = _CHARSET.search(html)
    if found is None:
        return html.replace("<head>", f"<head>{meta}", 1)
    return html[: found.end()] + meta + html[found.end():]
