"""Render `{{ group.* }}` and friends in Markdown pages, safely.

Pages are templates written by the project, but the values come from a group's file and may
hold any characters: every value is escaped for HTML *and* for Markdown, braces included, so a
name like `Zoë's "Safe & Sound" <Drop-in> {{ x }}` shows as written and is never read as markup
or as another template. A value with right-to-left letters (Arabic, Hebrew) is isolated, so it
cannot pull the words around it into its own direction.
"""
from __future__ import annotations

import re
import traceback
import unicodedata
from collections.abc import Mapping

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError
from markupsafe import Markup

from .errors import HandbookError
from .sandbox import Sandbox, TemplateLimit, time_limit

# Characters HTML, Markdown or a later template pass would read as syntax: shown as numeric entities.
_ENTITIES = {ord(c): f"&#{ord(c)};" for c in "<>&\"'\\`*_{}[]()#+!|~^$%"}
PLACEHOLDERS = re.compile(r"your group name|\bgroup name\b|\{\{|\{%", re.IGNORECASE)


FSI, PDI = "\u2068", "\u2069"  # Unicode's first-strong isolate and its end (UAX #9)
_RIGHT_TO_LEFT = {"R", "AL", "AN"}


def isolate(value: str) -> str:
    """The value between FSI and PDI when it holds right-to-left letters or Arabic digits.

    Inside, the text takes the direction of its first strong letter; outside, the isolate counts
    as one neutral character, so "Made by <Hebrew name> 2026" keeps its words in order. This is
    what HTML's <bdi> does, but as characters it works in any text: pages, titles and attributes,
    the checkers' answers, Word files and PDFs. Left-to-right values are returned unchanged.
    """
    if value.startswith(FSI) and value.endswith(PDI):
        return value
    if any(unicodedata.bidirectional(char) in _RIGHT_TO_LEFT for char in value):
        return f"{FSI}{value}{PDI}"
    return value


def text(value: object) -> Markup:
    """Escape (and isolate) a value for a Markdown page that becomes HTML."""
    if isinstance(value, Markup):
        return value
    return Markup(isolate(str(value)).translate(_ENTITIES))


def long_date(value) -> str:
    """A date as people write it: 10 March 2026 (a date not given yet, such as an approval: "not yet set")."""
    return f"{value.day} {value:%B %Y}" if value else "not yet set"


def finalize(value: object) -> object:
    """Jinja's `finalize` for every template whose output lands in a page: escape all but Markup."""
    return value if isinstance(value, Markup) else text(value)


def environment() -> Sandbox:
    """A sandboxed (a group may write its own policy text), strict, escaping environment for pages."""
    return Sandbox(undefined=StrictUndefined, autoescape=True, finalize=finalize, keep_trailing_newline=True)


def render_page(source: str, name: str, context: Mapping[str, object]) -> str:
    """Render one page; a template mistake becomes one HandbookError naming page and line."""
    env = environment()
    try:
        with time_limit():
            rendered = env.from_string(source).render(**context)
    except TemplateLimit as error:
        raise HandbookError(f"{name}{f', line {error.line}' if error.line else ''}: the template stopped: "
                            f"{error.reason}.") from None
    except RecursionError:
        raise HandbookError(f"{name}: the template calls itself without end (a macro that calls itself).") from None
    except TemplateSyntaxError as error:
        raise HandbookError(f"{name}, line {error.lineno}: template error: {error.message}.") from None
    except UndefinedError as error:
        line = _template_line(error)
        where = f"{name}, line {line}" if line else name
        raise HandbookError(f"{where}: {plain_undefined(error.message or '')}. Check the spelling, "
                            "or add it to group.yml.") from None
    except TemplateError as error:
        raise HandbookError(f"{name}: template error: {error}.") from None
    except HandbookError as error:
        line = _template_line(error)
        raise HandbookError(f"{name}, line {line}: {error}" if line else f"{name}: {error}") from None
    check_no_placeholders(rendered, name)
    return rendered


def plain_undefined(message: str) -> str:
    """Jinja's "'handbook.group.schema.Group object' has no attribute 'nmae'" as "group has no value 'nmae'"."""
    return re.sub(r"'[\w.]*?(\w+) object' has no attribute", lambda m: f"{m[1].lower()} has no value", message)


def check_no_placeholders(rendered: str, name: str) -> None:
    """Fail when a placeholder of the source policy ("your group name", `{{`) survived."""
    found = PLACEHOLDERS.search(rendered)
    if found:
        line = rendered.count("\n", 0, found.start()) + 1
        raise HandbookError(
            f"{name}, line {line}: the placeholder {found.group()!r} is still in the page."
            " Use {{ group.name }} (or another group.yml value) instead."
        )


def _template_line(error: Exception) -> int | None:
    """Jinja rewrites tracebacks so template frames carry the template's own line number."""
    lines = [frame.lineno for frame in traceback.extract_tb(error.__traceback__)
             if frame.filename == "<template>"]
    return lines[-1] if lines else None

