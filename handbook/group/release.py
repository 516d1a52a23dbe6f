"""What a group's folder builds with: this handbook's own wheel and the locks of what it needs.

`handbook new` and `handbook upgrade` write them into handbook-release/, so the folder's workflow
installs exactly the handbook that made it, every file checked against a hash, from nothing but the
folder and the public package registries: no name to look up on an index that someone else could
register. The wheel is this handbook as installed: rebuilt from the installed files (their RECORD
lists them), or, in a working copy of the project, built from its sources by the build backend.
"""
from __future__ import annotations

import base64
import hashlib
import io
import tempfile
import zipfile
from importlib import metadata
from pathlib import Path

from ..errors import HandbookError

DISTRIBUTION = "confidentiality-handbook"
RELEASE_DIR = "handbook-release"
LOCKS = Path(__file__).with_name("locks")  # made by `python3 tasks.py lock` with requirements.lock's versions
PIP_LOCK, LOCK = "pip.lock", "requirements.lock"
NOT_COPIED = {"RECORD", "INSTALLER", "REQUESTED", "direct_url.json"}  # written by the installer, not the wheel


def version() -> str:
    """This handbook's version: pyproject.toml's, as installed."""
    return metadata.version(DISTRIBUTION)


def wheel_name() -> str:
    return f"{DISTRIBUTION.replace('-', '_')}-{version()}-py3-none-any.whl"


def own_wheel() -> bytes:
    """This handbook as a wheel: the installed one's files, or a working copy's build."""
    source = Path(__file__).resolve().parents[2]
    if not (Path(__file__).resolve().parents[1] / "defaults").is_dir() and (source / "pyproject.toml").is_file():
        return _built_from(source)
    return _rebuilt_from_installed()


def _built_from(source: Path) -> bytes:
    try:
        from hatchling.builders.wheel import WheelBuilder
    except ImportError:
        raise HandbookError("This is a working copy of the handbook without its build tools: run "
                            "`python3 tasks.py setup` in it first.") from None
    with tempfile.TemporaryDirectory(prefix="handbook-wheel-") as out:
        built = next(iter(WheelBuilder(str(source)).build(directory=out, versions=["standard"])))
        return Path(built).read_bytes()


def _rebuilt_from_installed() -> bytes:
    """The installed files, zipped as the wheel they came from (same names and contents, a fresh RECORD)."""
    dist = metadata.distribution(DISTRIBUTION)
    info = f"{DISTRIBUTION.replace('-', '_')}-{dist.version}.dist-info"
    names = sorted(str(entry) for entry in dist.files or ()
                   if not str(entry).startswith("..") and "__pycache__" not in entry.parts
                   and not (entry.parts[0] == info and entry.name in NOT_COPIED))
    out, record = io.BytesIO(), []
    with zipfile.ZipFile(out, "w") as wheel:
        for name in names:
            data = Path(dist.locate_file(name)).read_bytes()
            wheel.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            record.append(f"{name},sha256={digest},{len(data)}")
        record.append(f"{info}/RECORD,,")
        wheel.writestr(zipfile.ZipInfo(f"{info}/RECORD", date_time=(1980, 1, 1, 0, 0, 0)), "\n".join(record) + "\n",
                       zipfile.ZIP_DEFLATED)
    return out.getvalue()


def write_release(folder: Path) -> Path:
    """Put this handbook's wheel and locks in folder/handbook-release/, replacing any older ones; returns it."""
    release = Path(folder) / RELEASE_DIR
    release.mkdir(exist_ok=True)
    wheel = own_wheel()
    for old in release.glob("*.whl"):
        old.unlink()
    (release / wheel_name()).write_bytes(wheel)
    (release / PIP_LOCK).write_bytes((LOCKS / PIP_LOCK).read_bytes())
    digest = hashlib.sha256(wheel).hexdigest()
    (release / LOCK).write_text(
        (LOCKS / LOCK).read_text(encoding="utf-8")
        + f"\n# The handbook itself, version {version()}, written here by `handbook new` or `handbook upgrade`:\n"
        f"./{RELEASE_DIR}/{wheel_name()} \\\n    --hash=sha256:{digest}\n", encoding="utf-8")
    return release


def installed_release(folder: Path) -> str | None:
    """The handbook version a group's folder builds with (from its wheel's name), or None if it has none."""
    wheels = sorted((Path(folder) / RELEASE_DIR).glob("*.whl"))
    return wheels[-1].name.split("-")[1] if wheels else None
