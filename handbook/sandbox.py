"""The Jinja sandbox for every template a group can write (its document wording, its own policy text):
whatever a template does, it ends within seconds, and the caller says why in one sentence.

- A template reads values and cannot change them (no list that grows while a loop walks it), and
  cannot reach into Python (Jinja's sandbox).
- What Python does in one step cannot be stopped by a clock, so it is bounded before it starts:
  ranges of at most MAX_RANGE items, numbers given to functions and filters of at most MAX_NUMBER,
  text repeated or padded to at most MAX_TEXT characters, whole numbers of at most MAX_BITS bits.
- Everything else runs against a clock (`time_limit`): at each line a template runs, and at each
  function it calls, the time is checked, so a loop inside a loop or a macro that never stops is
  ended after TIME_LIMIT seconds. The clock is a trace function of the rendering thread (so it also
  works in the preview's rebuild thread); while it runs, a debugger's or coverage tool's tracer pauses.
- A macro or include that calls itself stops at Python's recursion limit (RecursionError).
"""
from __future__ import annotations

import contextlib
import functools
import re
import sys
import time
from collections.abc import Iterator

from jinja2.sandbox import ImmutableSandboxedEnvironment

TIME_LIMIT = 5.0
MAX_RANGE = 10_000
MAX_NUMBER = 100_000
MAX_TEXT = 1_000_000
MAX_BITS = 10_000
_WIDE_FORMAT = re.compile(r"\d{6,}|\*")  # `%1000000d`, `{:>1000000}`, `%*d`: a width that builds a huge text


class TemplateLimit(BaseException):
    """A template went past a limit. A BaseException, so that no `except Exception` inside a library
    the template calls can swallow it and let the template run on."""

    def __init__(self, reason: str, file: str | None = None, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason, self.file, self.line = reason, file, line


def _number(value: object) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_NUMBER:
        raise TemplateLimit(f"it uses the number {value}, and templates may use numbers up to {MAX_NUMBER:,}")


def _format(text: object) -> None:
    if isinstance(text, str) and _WIDE_FORMAT.search(text):
        raise TemplateLimit("it formats with a width of 100,000 or more (or a `*` width), which makes a huge text")


def _arguments(args: tuple, kwargs: dict) -> None:
    for value in (*args, *kwargs.values()):
        _number(value)


def _bounded_filter(name: str, function):
    """A filter that refuses a huge number (`center(10**9)`) or format width before it runs."""

    @functools.wraps(function)
    def bounded(*args, **kwargs):
        _arguments(args, kwargs)
        if name == "format" and args:
            _format(args[0])
        return function(*args, **kwargs)

    return bounded


def _limited_range(*args: int) -> range:
    _arguments(args, {})
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise TemplateLimit(f"it loops over {len(numbers):,} items, and a loop may have at most {MAX_RANGE:,}")
    return numbers


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with the limits above; render inside `time_limit()`."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(self, **options) -> None:
        super().__init__(**options)
        self.globals["range"] = _limited_range
        self.filters = {name: _bounded_filter(name, f) for name, f in self.filters.items()}

    def call_binop(self, context, operator: str, left, right):
        if operator == "%":
            _format(left)
        elif operator == "**" and isinstance(left, int) and isinstance(right, int):
            if abs(right) > MAX_BITS or max(left.bit_length(), 1) * abs(right) > MAX_BITS:
                raise TemplateLimit(f"it raises {left} to the power {right}, a number too large to write")
        elif operator == "*":
            _product(left, right)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - Jinja's own names, kept for its callers
        _arguments(args, kwargs)
        if getattr(__obj, "__name__", "") in ("format", "format_map"):  # the sandbox wraps str.format
            _format(getattr(getattr(__obj, "__wrapped__", __obj), "__self__", None))
        return super().call(__context, __obj, *args, **kwargs)


def _product(left, right) -> None:
    if isinstance(left, int) and isinstance(right, int):
        if left.bit_length() + right.bit_length() > MAX_BITS:
            raise TemplateLimit("it multiplies numbers too large to write")
        return
    sized, times = (left, right) if isinstance(right, int) else (right, left)
    if isinstance(times, int) and hasattr(sized, "__len__") and len(sized) * times > MAX_TEXT:
        raise TemplateLimit(f"it repeats something {times:,} times, making more than {MAX_TEXT:,} characters")


@contextlib.contextmanager
def time_limit(seconds: float = TIME_LIMIT) -> Iterator[None]:
    """Stop a template in this thread once it has run for `seconds`; TemplateLimit says where it was."""
    deadline = time.monotonic() + seconds

    def check(frame, event, arg):
        if time.monotonic() > deadline:
            raise TemplateLimit(f"it did not finish within {seconds:g} seconds (a loop that runs too long, "
                                "or a macro or include that calls itself)", *_template_line(frame))
        return check if "__jinja_template__" in frame.f_globals else None

    previous = sys.gettrace()
    sys.settrace(check)
    try:
        yield
    finally:
        sys.settrace(previous)


def _template_line(frame) -> tuple[str | None, int | None]:
    """The template file and line the innermost template frame was running (None where unknown)."""
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None:
            return template.filename, template.get_corresponding_lineno(frame.f_lineno)
        frame = frame.f_back
    return None, None
