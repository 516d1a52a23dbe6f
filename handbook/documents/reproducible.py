"""Same inputs, same bytes: a Word file is a zip, rewritten here with fixed dates and a fixed order."""
from __future__ import annotations

import datetime as dt
import io
import zipfile

FIRST = "[Content_Types].xml"  # readers expect it first


def fixed_zip(data: bytes, made: dt.date) -> bytes:
    """The same zip with every entry dated `made` (00:00), in sorted order, with fixed attributes."""
    when = (max(made.year, 1980), made.month, made.day, 0, 0, 0)
    source = zipfile.ZipFile(io.BytesIO(data))
    names = sorted(source.namelist(), key=lambda name: (name != FIRST, name))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name), compresslevel=9)
    return out.getvalue()
