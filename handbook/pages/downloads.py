"""The download links a page shows: each document's Word and PDF files, with their sizes."""
from __future__ import annotations

import math

from markupsafe import Markup

from ..documents.catalogue import FORMATS, info

FORMAT_NAMES = {"docx": "Word document", "pdf": "PDF"}
MEDIA_TYPES = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
               "pdf": "application/pdf"}


def size_text(size: int) -> str:
    """A file size as people read it: 24 KB, 1.2 MB (rounded up, never '0 KB')."""
    if size < 1024 * 1024:
        return f"{max(1, math.ceil(size / 1024))} KB"
    return f"{math.ceil(size / 1024 / 1024 * 10) / 10:.1f} MB"


def download_links(doc_id: str, sizes: dict[str, int], raw_root: str) -> Markup:
    """`Download the consent form: <a href="../downloads/consent-form.docx">Word document (24 KB)</a> / ...`

    HTML rather than Markdown links: the files are written into the site after the generator ran,
    so a generator checking Markdown links would not find them.
    """
    entry = info(doc_id)
    links = []
    for fmt in FORMATS:
        name = f"{entry.id}.{fmt}"
        if name in sizes:
            links.append(Markup('<a class="download" href="{}downloads/{}" type="{}">{} ({})</a>').format(
                raw_root, name, MEDIA_TYPES[fmt], FORMAT_NAMES[fmt], size_text(sizes[name])))
    if not links:  # the build could not make this format (a PDF without Pango): said, not a broken link
        return Markup("{} (PDF): not in this copy of the handbook yet.").format(entry.name[:1].upper() + entry.name[1:])
    return Markup("Download {}: ").format(entry.name) + Markup(" / ").join(links)
