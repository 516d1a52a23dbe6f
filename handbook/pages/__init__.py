"""The pages: each page's template context, the checker forms, download links, and the generated pages."""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..templating import finalize


@cache
def form_templates() -> Environment:
    """The forms' templates (checker and quiz), with the page's escaping (templating.finalize): a group's
    words may hold braces or Markdown, and must never read as a template."""
    env = Environment(loader=FileSystemLoader(Path(__file__).parent), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True, finalize=finalize)
    env.filters["tojson_attr"] = lambda value: json.dumps(value, separators=(",", ":"), sort_keys=True)
    return env
