"""Which documents there are, in order, and the pages and clauses each belongs to."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DocumentInfo:
    id: str  # also the file stem and the template's name: consent-form.docx, consent-form.html
    title: str
    name: str  # in a sentence: "Download {name}: ..."
    clauses: tuple[str, ...]
    pages: tuple[str, ...]  # docs/ pages that link it
    formats: tuple[str, ...] = ("docx", "pdf")

    @property
    def template(self) -> str:
        return f"{self.id}.html"


DOCUMENTS: tuple[DocumentInfo, ...] = (
    DocumentInfo("consent-form", "Consent to share your information", "the consent form",
                 ("4",), ("policy/information-sharing.md",)),
    DocumentInfo("photo-consent", "Consent for photos and videos", "the photo and video consent form",
                 ("4a",), ("policy/social-media.md",)),
    DocumentInfo("breach-report", "Breach report", "the breach report form",
                 ("7",), ("policy/breaking-confidentiality.md", "something-went-wrong.md")),
    DocumentInfo("sharing-record", "Sharing decision record", "the sharing decision record",
                 ("4", "5", "6"), ("can-i-share.md", "policy/information-sharing.md")),
    DocumentInfo("police-log", "Police request log", "the police request log",
                 ("8", "9"), ("policy/police.md",)),
    # The induction pack: a template like the forms, given the path, the quiz and the seven things too.
    DocumentInfo("induction-pack", "Induction pack", "the induction pack, with the quiz and the sign-off sheet",
                 ("1", "2", "4", "4a", "5", "6", "7", "8", "9"), ("induction.md", "induction/finish.md")),
    # The whole handbook is made from the policy text, not from a template, and only as a PDF.
    DocumentInfo("confidentiality-handbook", "Confidentiality Handbook", "the whole handbook (for printing)",
                 (), ("index.md", "induction.md"), formats=("pdf",)),
)
FORMATS = ("docx", "pdf")
HANDBOOK = "confidentiality-handbook"
INDUCTION_PACK = "induction-pack"


def info(doc_id: str) -> DocumentInfo:
    for entry in DOCUMENTS:
        if entry.id == doc_id:
            return entry
    from ..errors import HandbookError

    raise HandbookError(f"unknown document {doc_id!r}; expected one of: {', '.join(d.id for d in DOCUMENTS)}.")
