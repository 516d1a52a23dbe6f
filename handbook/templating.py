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


def page_sandbox() -> Sandbox:
    """A sandboxed (a group may write its own policy text), strict, escaping environment for pages."""
    return Sandbox(undefined=StrictUndefined, autoescape=True, finalize=finalize, keep_trailing_newline=True)


def render_page(source: str, name: str, context: Mapping[str, object]) -> str:
    """Render one page; a template mistake becomes one HandbookError naming page and line."""
    env = page_sandbox()
    try:
        with time_limit():
            rendered = env.from_string(source).render(**context)
    except TemplateLimit as error:
        raise template_mistake(error, _page_line(name, error.line)) from None
    except TemplateSyntaxError as error:
        raise template_mistake(error, _page_line(name, error.lineno)) from None
    except (RecursionError, MemoryError, TemplateError) as error:
        raise template_mistake(error, _page_line(name, _template_line(error)), uses=PAGE_VALUES) from None
    except HandbookError as error:
        raise template_mistake(error, _page_line(name, _template_line(error))) from None
    check_no_placeholders(rendered, name)
    return rendered


PAGE_VALUES = "Check the spelling, or add it to group.yml"


def template_mistake(error: BaseException, where: str, *, uses: str = "Check the spelling") -> HandbookError:
    """The one sentence for a mistake in a template, worded the same for pages and documents.

    `where` names the file and, when known, the line; `uses` ends the sentence for an unknown value
    (what to do: which values that kind of template can use).
    """
    if isinstance(error, TemplateLimit):
        said = f"the template stopped: {error.reason}"
    elif isinstance(error, RecursionError):
        said = "the template calls itself without end (a macro, include or extends that comes back to itself)"
    elif isinstance(error, MemoryError):
        said = "the template makes more text than a page or document can hold"
    elif isinstance(error, UndefinedError):
        said = f"unknown value ({plain_undefined(error.message or '')}). {uses}"
    elif isinstance(error, TemplateSyntaxError):
        said = f"template error: {error.message}"
    elif isinstance(error, TemplateError):
        said = f"template error: {error}"
    else:  # a value refused while printing (HandbookError): its own sentence
        said = str(error)
    return HandbookError(f"{where}: {said.rstrip('.')}.")


def _page_line(name: str, line: int | None) -> str:
    return f"{name}, line {line}" if line else name


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

