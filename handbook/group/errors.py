"""Turn pydantic's validation errors into sentences a group coordinator can act on."""
from __future__ import annotations

import difflib
import typing
from pathlib import Path

from pydantic import BaseModel, ValidationError

from ..yaml_input import YamlDocument

EXPECTED = {
    "string_type": "text",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list (lines starting with `- `)",
    "dict_type": "a mapping (`key: value` lines)",
    "model_type": "a mapping (`key: value` lines)",
    "date_type": "a date like 2026-03-31",
    "date_from_datetime_parsing": "a date like 2026-03-31",
    "date_parsing": "a date like 2026-03-31",
    "string_too_short": "some text (it is empty)",
    "too_long": "fewer entries",
    "too_short": "at least one entry",
}


def describe(path: Path, error: ValidationError, document: YamlDocument, model: type[BaseModel]) -> str:
    """One line per problem: `file, line N: key a.b: what was expected; received X`."""
    lines = [_describe_one(path, item, document, model) for item in error.errors()]
    if len(lines) == 1:
        return lines[0]
    return f"{path} has {len(lines)} problems:\n" + "\n".join(f"  - {line}" for line in lines)


def _describe_one(path: Path, item: dict, document: YamlDocument, model: type[BaseModel]) -> str:
    loc = tuple(item["loc"])
    line = document.line(loc) if loc[:-1] or item["type"] != "missing" else None
    where = f"{path}, line {line}" if line else str(path)
    key = _key_name(loc)
    kind = item["type"]
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        return f"{where}: unknown key '{key}'.{hint} Allowed here: {', '.join(allowed)}."
    if kind == "missing":
        return f"{where}: the key '{key}' is missing, and it is required."
    if kind == "value_error":
        message = str(item.get("ctx", {}).get("error", item["msg"]))
        received = f"; received {_shown(item.get('input'))}" if message.startswith("expected") else ""
        return f"{where}: {key}: {message}{received}."
    if kind == "string_too_long":
        limit, shown = item["ctx"]["max_length"], _shown(item.get("input"))
        return f"{where}: {key}: too long: at most {limit} characters; received {shown}."
    expected = EXPECTED.get(kind, item["msg"].lower())
    if kind == "literal_error":
        expected = item["ctx"]["expected"]
    if kind == "string_pattern_mismatch":
        expected = "a version number like 1.0" if loc[-1] == "version" else "a clause id like 4 or 5b"
    return f"{where}: {key}: expected {expected}; received {_shown(item.get('input'))}."


def _key_name(loc: tuple) -> str:
    """`versions[1].approved`: list entries counted from 1, as a person counts them."""
    name = ""
    for part in loc:
        name += f"[{part + 1}]" if isinstance(part, int) else f".{part}"
    return name.lstrip(".") or "(top level)"


def _shown(value: object) -> str:
    if isinstance(value, str):
        return repr(value) if len(value) <= 60 else f"{len(value)} characters starting {value[:30]!r}"
    if value is None:
        return "nothing"
    return f"{value!r} ({type(value).__name__})"


def _allowed_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    """The keys the schema allows at `loc`, found by walking the model's field types."""
    current: object = model
    for part in loc:
        if isinstance(part, int):
            current = _inner(current)
            continue
        fields = getattr(current, "model_fields", {})
        if part not in fields:
            return []
        current = _inner(fields[part].annotation)
    return list(getattr(current, "model_fields", {}))


def _inner(annotation: object) -> object:
    """Strip Optional/list/Annotated wrappers down to the model inside, if any."""
    for arg in typing.get_args(annotation) or ():
        found = _inner(arg)
        if isinstance(found, type) and issubclass(found, BaseModel):
            return found
    return annotation
