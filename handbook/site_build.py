"""Build or serve the handbook with MkDocs, for a chosen group file and policy version."""
from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from pathlib import Path

from mkdocs.commands import build as mkdocs_build
from mkdocs.commands import serve as mkdocs_serve
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from .errors import HandbookError


@contextlib.contextmanager
def environment(**values: str) -> Iterator[None]:
    """Set environment variables for a while, then put them back as they were."""
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def chosen(group: Path | None, version: str | None) -> contextlib.AbstractContextManager[None]:
    """Tell the plugin which group file and version to build (environment: mike runs mkdocs too)."""
    values = {"HANDBOOK_GROUP": str(group) if group is not None else None,
              "HANDBOOK_POLICY_VERSION": version}
    return environment(**{key: value for key, value in values.items() if value is not None})


class _Errors(logging.Handler):
    """Collects the build's error messages, so they can be raised as one HandbookError."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _show_mkdocs_log(verbose: bool) -> None:
    """Print MkDocs' warnings (and every step with --verbose); errors are raised, not printed."""
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_handbook", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler.addFilter(lambda record: record.levelno < logging.ERROR)
        handler._handbook = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)


def build(config_file: Path = Path("mkdocs.yml"), *, group: Path | None = None, version: str | None = None,
          site_dir: Path | None = None, verbose: bool = False) -> Path:
    """Build the site (strict: a warning is a failure); returns where it was written."""
    _show_mkdocs_log(verbose)
    options = {"strict": True}
    if site_dir is not None:
        options["site_dir"] = str(Path(site_dir).resolve())
    errors = _Errors()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(errors)
    with chosen(group, version):
        try:
            config = load_config(str(config_file), **options)
            mkdocs_build.build(config)
        except MkDocsException as error:
            found = [m for m in errors.messages if not m.startswith("Error reading page")]
            raise HandbookError("\n".join(found) or str(error)) from None
        finally:
            logger.removeHandler(errors)
    return Path(config.site_dir)


def serve(config_file: Path = Path("mkdocs.yml"), *, group: Path | None = None, version: str | None = None,
          port: int = 8000) -> None:
    """Preview on this computer only (127.0.0.1), rebuilding when a file changes."""
    _show_mkdocs_log(True)
    with chosen(group, version):
        try:
            mkdocs_serve.serve(str(config_file), open_in_browser=False, dev_addr=f"127.0.0.1:{port}",
                               livereload=True)
        except MkDocsException as error:
            raise HandbookError(str(error)) from None
