"""A strict Content-Security-Policy for each page, listing the hashes of its inline scripts.

Material ships small inline scripts whose text varies by page; hashing them lets the policy
forbid every other inline script ('unsafe-inline' stays out) while the theme keeps working.
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
    "style-src 'self' 'unsafe-inline'",
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


def protect(html: str) -> str:
    """Insert the policy as the first thing after the charset, before any script it governs."""
    policy = "; ".join(POLICY).format(hashes=" ".join(script_hashes(html))).replace("  ", " ").strip()
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    found = _CHARSET.search(html)
    if found is None:
        return html.replace("<head>", f"<head>{meta}", 1)
    return html[: found.end()] + meta + html[found.end():]
