"""A picture or stylesheet address in a document's HTML (policy text in the whole handbook's PDF) is left out
of the PDF: no traceback (WeasyPrint 70 needs its own fetcher type) and nothing fetched, from the network or disk.
Policy text that shows a picture from another place is refused (tests/helpers/hostile.py, MARKUP_CASES)."""
from __future__ import annotations

import socket
import urllib.request

import pytest

from handbook.documents.pdf_writer import html_to_pdf


PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201a2a3b1f30000000049454e44ae426082")


@pytest.fixture()
def no_network(monkeypatch):
    tried = []
    monkeypatch.setattr(socket.socket, "connect", lambda self, address: tried.append(address) or 1 / 0)
    return tried


@pytest.mark.parametrize("address", ["https://example.org/logo.png", "file://{picture}", "logo.png"])
def test_a_picture_is_left_out_of_the_pdf_without_a_fetch(address, tmp_path, no_network, monkeypatch):
    picture = tmp_path / "logo.png"
    picture.write_bytes(PNG)
    opened = []
    monkeypatch.setattr(urllib.request, "urlopen", lambda *args, **kwargs: opened.append(args) or 1 / 0)
    address = address.format(picture=picture)
    pdf = html_to_pdf(f'<html><head><link rel="stylesheet" href="{address}.css"></head>'
                      f'<body><p>Before</p><img src="{address}" alt="Our logo"><p>After</p></body></html>')
    assert pdf.startswith(b"%PDF") and b"/Subtype /Image" not in pdf
    assert no_network == [] and opened == []

