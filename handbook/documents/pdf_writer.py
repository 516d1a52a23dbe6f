"""Write HTML to a print-ready A4 PDF with WeasyPrint: embedded fonts, binding margin, page numbers."""
from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..errors import HandbookError
from . import model
from .stamp import Stamp

HERE = Path(__file__).parent


@cache
def writer_templates() -> Environment:
    """The writers' own templates (not a group's): always escaping, strict."""
    return Environment(loader=FileSystemLoader(str(HERE)), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True)


def created(stamp: Stamp) -> str:
    return f"{stamp.made.isoformat()}T00:00:00Z"


PANGO = ("Debian or Ubuntu: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig "
         "fonts-dejavu-core; macOS: brew install pango")


@cache
def pdf_unavailable() -> str | None:
    """Why no PDF can be made on this computer (WeasyPrint cannot load Pango), or None when it can."""
    try:
        import weasyprint  # noqa: F401  (imported late: it loads Pango, which only the PDFs need)
    except (OSError, ImportError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        return (f"The PDF files were not made: WeasyPrint could not load the Pango library ({reason}). "
                f"Install it ({PANGO}) and build again; the Word files were made.")
    return None


def html_to_pdf(html: str) -> bytes:
    """Fonts are the system's (DejaVu Sans from fonts-dejavu-core); nothing is fetched: a picture or
    stylesheet address in the text (https://, file://, a name beside the page) is left out of the PDF."""
    if pdf_unavailable():
        raise HandbookError(pdf_unavailable())
    from weasyprint import CSS, HTML

    stylesheet = CSS(filename=str(HERE / "print.css"))
    return HTML(string=html, base_url=str(HERE), url_fetcher=_no_fetcher()).write_pdf(
        stylesheets=[stylesheet], pdf_identifier=False, pdf_tags=True)


@cache
def _no_fetcher():
    """WeasyPrint's own fetcher type (70 reads its settings; a plain function ends the build in an
    AttributeError) that fetches nothing; failing without `fail_on_errors`, the picture is left out."""
    from weasyprint.urls import URLFetcher

    class NoFetch(URLFetcher):
        def fetch(self, url, headers=None):
            raise ValueError("documents load nothing: the picture is left out")

    return NoFetch(fail_on_errors=False)


def write_pdf(document: model.Document, stamp: Stamp) -> bytes:
    html = writer_templates().get_template("form.html").render(document=document, keeps=document.kept_with_next(),
                                                      stamp=stamp, created=created(stamp))
    return html_to_pdf(html)

