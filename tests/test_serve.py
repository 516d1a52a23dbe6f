"""The edit-and-see loop: `handbook serve` shows a mistake in the page and the terminal, keeps serving,
and reloads the open page once the file is fixed, with the site's own strict CSP untouched."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time

import pytest

from conftest import REPO, wait_for

CLI = [sys.executable, "-u", "-c", "import sys; from handbook.cli import main; sys.argv[0] = 'handbook'; main()"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture()
def preview(tmp_path):
    shutil.copy(REPO / "group.yml", tmp_path / "group.yml")
    port = free_port()
    process = subprocess.Popen([*CLI, "serve", "--port", str(port)], cwd=tmp_path, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
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
