"""Offline use after one visit: a service worker written for each build, a web manifest and icons.

The service worker (sw.js, at the site's root, so each version under `handbook export` has its own
scope) keeps every file of this build: pages, forms, search and the checkers' runtime; then, once
that is whole, and if it can, the checkers' memory snapshot (11 MB, which only makes a later start
faster). It leaves out
the pages of the routes to an answer (all-answers/<checker>/...): they serve readers without
JavaScript, who never run a service worker, and there are thousands of them (60 MB). Its version
is a hash of every file, so a new build is a new cache, announced in the page and used only when
the reader reloads. A network's site that loads the runtime from one folder shared by its groups
(build-all --shared-runtime) keeps those files too, at their shared addresses: its offline copy is whole. The icons are drawn from the group's colour and initials, so a handbook added
to a phone's home screen is recognisably the group's.
"""
from __future__ import annotations

import hashlib
import io
import json
import shutil
from pathlib import Path
from urllib.parse import quote

from PIL import Image, ImageDraw, ImageFont

from ...browser.bundle import ASSETS
from ..shared_runtime import RuntimeFolder

HERE = Path(__file__).parent
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
SKIP = {"sw.js", ".handbook-output"}
ROUTES = "all-answers/"  # under it, only the index page is kept offline
SNAPSHOT = ".snapshot"  # kept after the rest, if it can be: a checker works without it
DEFAULT_COLOUR = "#00564d"  # the handbook's own primary colour (docs/assets/handbook.css)


def write_offline(site_dir: Path, *, name: str, short_name: str, colour: str | None,
                  shared: RuntimeFolder | None = None) -> None:
    """Add the manifest, icons, page script and the service worker (last: it lists every file, and those of
    the `shared` runtime folder the site loads, if any)."""
    colour = colour or DEFAULT_COLOUR
    icons = site_dir / "assets" / "icons"
    icons.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        (icons / f"icon-{size}.png").write_bytes(_icon(short_name, colour, size))
    manifest = {"name": name, "short_name": short_name[:30], "start_url": "./", "scope": "./",
                "display": "standalone", "background_color": "#ffffff", "theme_color": colour,
                "icons": [{"src": f"assets/icons/icon-{size}.png", "sizes": f"{size}x{size}", "type": "image/png"}
                          for size in (192, 512)]}
    (site_dir / "manifest.webmanifest").write_text(json.dumps(manifest, ensure_ascii=False, indent=1),
                                                   encoding="utf-8")
    (site_dir / "assets" / "handbook").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ASSETS / "offline.js", site_dir / "assets" / "handbook" / "offline.js")
    files, version = _inventory(site_dir, shared)
    later = [name for name in files if name.endswith(SNAPSHOT)]
    files = [name for name in files if name not in later]
    worker = (HERE / "sw.js").read_text(encoding="utf-8")
    worker = worker.replace("__VERSION__", version).replace("__FILES__", json.dumps(files, indent=0))
    worker = worker.replace("__LATER__", json.dumps(later, indent=0))
    worker = worker.replace("__SHARED__", json.dumps(shared.address if shared else None))
    (site_dir / "sw.js").write_text(worker, encoding="utf-8")


def _inventory(site_dir: Path, shared: RuntimeFolder | None = None) -> tuple[list[str], str]:
    """Every file's address relative to the root (pages by their folder), and a hash of them all."""
    digest = hashlib.sha256()
    files = []
    found = [(path.relative_to(site_dir).as_posix(), path) for path in sorted(site_dir.rglob("*")) if path.is_file()]
    for relative, path in found + (shared.files() if shared else []):
        if relative in SKIP:
            continue
        # a snapshot's name says what it was made from (hashing its 11 MB again would say no more)
        content = path.name.encode() if relative.endswith(SNAPSHOT) else path.read_bytes()
        digest.update(relative.encode() + b"\0" + hashlib.sha256(content).digest())
        if relative.startswith(ROUTES) and relative != ROUTES + "index.html":
            continue
        if path.name == "index.html":
            relative = relative[: -len("index.html")] or "./"
        files.append(quote(relative))
    return files, digest.hexdigest()[:16]


def _initials(name: str) -> str:
    words = [word for word in name.split() if word[:1].isalnum()]
    return "".join(word[0] for word in words[:2]).upper() or "H"


def _icon(name: str, colour: str, size: int) -> bytes:
    """A square in the group's colour with its initials in white (the colour passes AA against white)."""
    image = Image.new("RGB", (size, size), colour)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), size // 3) if FONT.is_file() else ImageFont.load_default()
    draw.text((size / 2, size / 2), _initials(name), fill="#ffffff", font=font, anchor="mm")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
