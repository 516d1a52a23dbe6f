"""The build, end to end: compile (plain Python), render (the chosen site generator), post-process, swap in.

The post-process attaches the documents and the checkers' runtime, and gives every page a
Content-Security-Policy that lists its inline scripts by hash. Nothing of the old site is touched
until the new one is complete (swap.py).
"""
from __future__ import annotations

import re
import tempfile
from pathlib import Path

from ..browser import runtime
from ..compile import Compiled, compile_handbook
from ..errors import HandbookError
from . import GENERATORS, csp, swap
from .offline import write_offline
from .shared_runtime import RuntimeFolder, use_runtime_folder


def generator_module(name: str):
    """The adapter module of a site generator (its render(), STYLE and INLINE_STYLES)."""
    if name == "mkdocs":
        from . import mkdocs as module
    elif name == "zensical":
        from . import zensical as module
    else:
        raise HandbookError(f"unknown site generator {name!r}; expected one of: {', '.join(GENERATORS)}.")
    return module


_ROOT_LINK = re.compile(r'((?:href|src)=")/{1,2}(?=[^/])')


def relative_404(site_dir: Path) -> None:
    """The generator writes the 404 page's links from the root ("/assets/...", and "//assets/..." where a
    template adds a slash, which a browser reads as another site): made relative, as from the site's
    folder, so the page works on any host and under a sub-path (an exported version)."""
    page = site_dir / "404.html"
    if page.is_file():
        html = _ROOT_LINK.sub(r"\1./", page.read_text(encoding="utf-8"))
        page.write_text(html.replace('new URL("/",location)', 'new URL(".",location)'), encoding="utf-8")


def post_process(compiled: Compiled, site_dir: Path, *, inline_styles: bool = False,
                 shared_runtime: RuntimeFolder | None = None) -> None:
    """Write the route's pages in their own template, attach the files the pages link to (the runtime
    from a network's shared folder instead, if given), protect every page with its CSP (inline_styles: the
    generator's theme needs them; see csp.py), then write the offline copy's service worker, which lists
    every file as it finally is."""
    compiled.route.write(site_dir)
    attachments = compiled.attachments
    attachments.write(site_dir)
    if shared_runtime:
        use_runtime_folder(site_dir, shared_runtime)
    relative_404(site_dir)
    for page in site_dir.rglob("*.html"):
        page.write_text(csp.protect(page.read_text(encoding="utf-8"), inline_styles=inline_styles), encoding="utf-8")
    name, short_name = attachments.app_names
    write_offline(site_dir, name=name, short_name=short_name, colour=attachments.colour, shared=shared_runtime)


def default_site_dir(group_file: Path) -> Path:
    return Path(group_file).resolve().parent / "site"


def build(group_file: Path, *, site_dir: Path | None = None, version: str | None = None,
          generator: str = "mkdocs", versioned: bool = False, verbose: bool = False,
          shared_runtime: RuntimeFolder | None = None) -> Path:
    """Build the handbook of one group file into `site_dir` (default: site/ beside it); returns the folder.
    With `shared_runtime` (build-all's), its checkers load the runtime from that folder beside it."""
    module = generator_module(generator)
    runtime.ensure()
    # Through a link (site/ -> /var/www/handbook) into the folder it points at: the link stays a link.
    target = Path(site_dir or default_site_dir(group_file)).resolve()
    swap.check_target(target)
    staging = swap.staging_for(target)
    try:
        with tempfile.TemporaryDirectory(prefix="handbook-compile-") as work:
            compiled = compile_handbook(group_file, Path(work), version=version, style=module.STYLE,
                                        versioned=versioned)
            module.render(compiled, staging, verbose=verbose)
            post_process(compiled, staging, inline_styles=module.INLINE_STYLES, shared_runtime=shared_runtime)
            for warning in compiled.warnings:
                print(f"Warning: {warning}", flush=True)
    except OSError as error:  # a full or read-only disk, a file that vanished: the machine, not the group file
        swap.discard(staging)
        raise HandbookError(f"The build stopped: {error.strerror or error} "
                            f"({error.filename2 or error.filename or staging}). The old site in {target} is unchanged."
                            ) from None
    except BaseException:
        swap.discard(staging)
        raise
    for warning in swap.replace(staging, target):
        print(warning)
    return target
