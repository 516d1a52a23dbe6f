"""MkDocs (with Material) as the site generator: the compiled pages in, HTML out. The only module that runs MkDocs."""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from ..compile import Compiled
from ..errors import HandbookError

STYLE = "output"  # MkDocs leaves addresses in raw HTML as written: relative to the page's output folder
INLINE_STYLES = False  # Material styles elements through the CSSOM only: the CSP forbids inline styles (csp.py)


class _Errors(logging.Handler):
    """Collects the build's warnings and errors, so they can be raised as one HandbookError."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _show_log(verbose: bool) -> None:
    """Every step with --verbose; otherwise MkDocs says nothing (its problems are raised, not printed)."""
    logger = logging.getLogger("mkdocs")
    if verbose and not any(getattr(h, "_handbook", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler._handbook = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    logger.propagate = False


def render(compiled: Compiled, site_dir: Path, *, verbose: bool = False) -> None:
    """Turn the compiled pages into HTML in `site_dir` (strict: a warning is a failure)."""
    _show_log(verbose)
    errors = _Errors()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(errors)
    try:
        config = load_config(str(compiled.config_file), site_dir=str(site_dir), strict=True)
        mkdocs_build.build(config)
    except MkDocsException as error:
        found = [m for m in errors.messages if not m.startswith("Error reading page")]
        raise HandbookError("\n".join(found) or str(error)) from None
    finally:
        logger.removeHandler(errors)
