"""The edit-and-see loop: `handbook serve` shows a mistake in the page and the terminal, keeps serving,
and reloads the open page once the file is fixed, with the site's own strict CSP untouched."""
from __future__ import annotations

import http.client
import os
import shutil
import socket
import subprocess
import sys
import time

import pytest

from handbook.folders import Folders
from handbook.site.serve import Preview

from helpers import REPO
from helpers.chromium import wait_for

CLI = [sys.executable, "-u", "-c", "import sys; from handbook.cli import main; sys.argv[0] = 'handbook'; main()"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture()
def preview(tmp_path):
    shutil.copy(REPO / "group.yml", tmp_path / "group.yml")
    (tmp_path / "tmp").mkdir()
    port = free_port()
    process = subprocess.Popen([*CLI, "serve", "--port", str(port)], cwd=tmp_path, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, env={**os.environ, "TMPDIR": str(tmp_path / "tmp")})
    lines: list[str] = []
    deadline = time.monotonic() + 120
    while not any("Serving the handbook" in line for line in lines):
        assert time.monotonic() < deadline and process.poll() is None, "".join(lines)
        lines.append(process.stdout.readline())
    yield tmp_path / "group.yml", f"http://127.0.0.1:{port}/", process, lines
    process.terminate()
    process.wait(timeout=10)


def read_until(process, lines: list[str], text: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not any(text in line for line in lines):
        assert time.monotonic() < deadline, "".join(lines)
        lines.append(process.stdout.readline())


def test_a_mistake_shows_in_the_page_and_the_terminal_and_fixing_it_reloads_the_page(preview, page):
    group_file, base, process, lines = preview
    page.goto(base + "policy/police/")
    assert "Riverside Community Food Bank" in page.inner_text("body")
    good = group_file.read_text()
    group_file.write_text(good.replace("short_name:", "shortname:"))
    wait_for(page, "document.title === 'Build error'", timeout=120)  # the open page reloaded by itself
    shown = page.inner_text("pre")
    assert shown.startswith("group.yml, line 6: unknown key 'shortname'. Did you mean 'short_name'?")
    read_until(process, lines, "Error: group.yml, line 6: unknown key 'shortname'.")
    group_file.write_text(good.replace("Riverside Community Food Bank", "Riverside Community Pantry"))
    wait_for(page, "document.title !== 'Build error' && !!document.body && document.body.innerText.includes('Riverside Community Pantry')",
             timeout=120)
    assert page.url == base + "policy/police/"
    csp = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
    assert "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]  # the preview adds a file, not inline code
    assert not any(line.startswith("Traceback") for line in lines)
    assert sum(bool(line.strip()) for line in lines) < 12  # quiet: one line a build, no request log


def status(base: str, path: str, host: str | None = None) -> int:
    address = base.split("/")[2]
    connection = http.client.HTTPConnection(address, timeout=30)
    connection.request("GET", path, headers={"Host": host or address})
    return connection.getresponse().status


def test_the_preview_answers_only_its_own_host_quietly_and_leaves_no_folder(preview):
    group_file, base, process, lines = preview
    assert status(base, "/") == 200 and status(base, "/", "localhost:8000") == 200
    assert status(base, "/", "attacker.example") == 421 and status(base, "/", "attacker.example:80") == 421
    assert status(base, "/%00") == 404 and status(base, "/policy/%00/") == 404
    for _ in range(5):  # a browser that connects and leaves, or goes mid-request
        with socket.create_connection(base.split("/")[2].split(":")) as sock:
            sock.sendall(b"GET / HTTP/1.1\r\n")
    assert status(base, "/") == 200
    assert [p for p in (group_file.parent / "tmp").iterdir()] != []  # the preview's folder, while it runs
    process.terminate()
    rest, _ = process.communicate(timeout=60)
    assert "Traceback" not in "".join(lines) + rest
    assert list((group_file.parent / "tmp").iterdir()) == []


def test_only_the_policys_versions_are_watched_in_policy(tmp_path):
    shutil.copy(REPO / "group.yml", tmp_path / "group.yml")
    (tmp_path / "policy").mkdir()
    for name in ("1.1.md", ".1.1.md.swp", "1.1.md~", "#1.1.md#", "notes.txt"):
        (tmp_path / "policy" / name).write_text("x")
    preview = Preview(tmp_path / "group.yml", None, "mkdocs")
    shutil.rmtree(preview.site.parent)
    watched = {path for path, *_ in preview.fingerprint()}
    assert {path for path in watched if path.startswith(str(tmp_path / "policy"))} == {str(tmp_path / "policy" / "1.1.md")}
    assert str(Folders(tmp_path).defaults.resolve() / "docs" / "policy" / "police.md") in watched  # pages still are


def test_the_error_page_is_in_the_handbooks_look_and_wraps_to_the_window(tmp_path, browser):
    """It was unstyled, its message on one line: 2,012 px wide in a 1,280 px window."""
    shutil.copy(REPO / "group.yml", tmp_path / "group.yml")
    group = tmp_path / "group.yml"
    group.write_text(group.read_text().replace("short_name:", "shortname:"))
    port = free_port()
    process = subprocess.Popen([*CLI, "serve", "--port", str(port)], cwd=tmp_path, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    try:
        read_until(process, lines := [], "Serving the handbook")
        sentence = next(line for line in lines if line.startswith("Error: ")).removeprefix("Error: ").strip()
        assert sentence.startswith("group.yml, line 6: unknown key 'shortname'.")
        for width in (1280, 360):
            context = browser.new_context(viewport={"width": width, "height": 800})
            page = context.new_page()
            response = page.goto(f"http://127.0.0.1:{port}/policy/police/")
            assert response.status == 500 and page.title() == "Build error"
            assert " ".join(page.inner_text("pre").split()) == " ".join(sentence.split())
            assert page.evaluate("document.documentElement.scrollWidth") <= width, width
            header = page.evaluate("getComputedStyle(document.querySelector('header')).backgroundColor")
            assert header == "rgb(0, 86, 77)"  # the handbook's colour (the group file could not be read)
            assert page.evaluate("getComputedStyle(document.querySelector('pre')).whiteSpace") == "pre-wrap"
            context.close()
    finally:
        process.terminate()
        process.wait(timeout=10)
