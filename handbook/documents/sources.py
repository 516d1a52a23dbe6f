"""Find a document's template (the group's own first, then the default) and render it to the model.

Search order for `consent-form.html`:
1. `<group folder>/my-templates/documents/consent-form.html` (the group's own wording), then
2. `templates/documents/consent-form.html` among the handbook's defaults.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import traceback
from pathlib import Path

from jinja2 import BaseLoader, StrictUndefined, TemplateError, TemplateNotFound, TemplateSyntaxError
from jinja2.loaders import split_template_path

from markupsafe import Markup

from ..errors import HandbookError
from ..folders import Folders
from ..group import Group, PolicyVersion
from ..sandbox import Sandbox, TemplateLimit, time_limit
from ..templating import isolate, long_date, template_mistake
from ..untrusted import read_text
from .model import Document
from .parse import Invalid, parse


MAX_BYTES = 256 * 1024  # a form's wording is a few KB


class FolderLoader(BaseLoader):
    """Templates, and what they include or extend, only from these folders: no `..`, and no link out of
    the folder a template is found in (a link to a secret or to .git/config would print it in the form)."""

    def __init__(self, folders: list[Path]) -> None:
        self.folders = folders

    def get_source(self, environment, template: str):
        pieces = split_template_path(template)  # TemplateNotFound for `..`
        for folder in self.folders:
            path = folder.joinpath(*pieces)
            if os.path.lexists(path):
                return read_text(path, limit=MAX_BYTES, what="template", inside=folder), str(path), lambda: True
        raise TemplateNotFound(template)


def template_sandbox(folders: list[Path]) -> Sandbox:
    """Sandboxed (a template cannot reach into Python, nor run for ever), strict (a typo fails) and escaping."""
    env = Sandbox(loader=FolderLoader(folders), undefined=StrictUndefined,
                  autoescape=True, trim_blocks=True, lstrip_blocks=True, finalize=_printable)
    env.filters["long_date"] = long_date
    return env


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def _printable(value: object) -> object:
    """Every value a template prints: isolated when right-to-left (as on the pages), and refused with a
    sentence if it holds a control character a Word file cannot hold, rather than fail later."""
    if not isinstance(value, str) or isinstance(value, Markup):  # Markup's values were isolated when escaped
        return value
    if _CONTROL.search(value):
        raise HandbookError(f"the value {value!r} has an invisible control character; retype it in group.yml")
    return isolate(value)


def shown(path: str | Path, folders: Folders) -> str:
    """A path as the person knows it: relative to their folder when it is inside it."""
    path = Path(path)
    for base in (folders.group_dir, folders.defaults):
        try:
            return str(path.resolve().relative_to(base.resolve()))
        except ValueError:
            continue
    return str(path)


def render(name: str, group: Group, version: PolicyVersion, made: dt.date, *, folders: Folders,
           extra: dict | None = None) -> Document:
    """Render one template (`consent-form.html`) and read it as a document; errors name file and line.

    `extra`: values only one document has (the induction pack's steps, quiz and seven things).
    """
    search = folders.document_templates()
    env = template_sandbox(search)
    try:
        template = env.get_template(name)
    except TemplateNotFound as error:
        looked = " or ".join(shown(f / name, folders) for f in search) or "templates/documents/"
        missing = error.name if error.name != name else name
        raise HandbookError(f"the document template {missing} is missing: looked for {looked}.") from None
    except TemplateSyntaxError as error:
        raise template_mistake(error, f"{shown(error.filename or name, folders)}, line {error.lineno}") from None
    except TemplateLimit as error:  # Jinja works out constant filters, `"x"|center(10**9)`, as it compiles
        raise template_mistake(error, _found(search, name, folders)) from None
    except UnicodeDecodeError:
        raise HandbookError(f"{_found(search, name, folders)}: the template is not UTF-8 text. Save it as UTF-8 "
                            "(in most editors: Save as, then choose UTF-8).") from None
    filename = shown(template.filename or name, folders)
    context = {"group": group, "version": version, "made": made, "agencies": list(group.partner_agencies),
               **(extra or {})}
    uses = ("Check the spelling; templates can use group (the values in group.yml), version, made and agencies"
            f"{', and here ' + ', '.join(extra) if extra else ''}")
    try:
        with time_limit():
            source = template.render(context)
    except TemplateLimit as error:
        raise template_mistake(error, f"{shown(error.file, folders)}, line {error.line}" if error.file else filename
                               ) from None
    except TemplateSyntaxError as error:  # from an {% include %} or {% extends %}
        raise template_mistake(error, f"{shown(error.filename or name, folders)}, line {error.lineno}") from None
    except TemplateNotFound as error:
        raise HandbookError(f"{filename}: it uses the template {error.name}, which is missing.") from None
    except (RecursionError, MemoryError, TemplateError, HandbookError) as error:
        raise template_mistake(error, _where(error, filename, folders), uses=uses) from None
    try:
        return parse(source)
    except Invalid as error:
        raise HandbookError(f"{filename}: this template does not make a valid document: {error}.") from None


def _found(search: list[Path], name: str, folders: Folders) -> str:
    """The template file the search finds first, as the person knows it."""
    return next((shown(f / name, folders) for f in search if (f / name).is_file()), name)


def _where(error: Exception, filename: str, folders: Folders) -> str:
    """Jinja rewrites tracebacks so that template frames carry the template's file and line."""
    frames = [frame for frame in traceback.extract_tb(error.__traceback__)
              if frame.filename.endswith((".html", ".xml"))]
    if not frames:
        return filename
    return f"{shown(frames[-1].filename, folders)}, line {frames[-1].lineno}"
