"""When the checker's runtime cannot load, the page says so at once (not after the 90-second timeout)
and points to the All answers page, whose answers need no runtime. In real headless Chromium."""
from __future__ import annotations

import time

import pytest

FAILURES = {
    "pyodide.asm.wasm is missing (404)": ("**/pyodide/pyodide.asm.wasm",
                                          {"status": 404, "body": "Not Found"}, "could not download"),
    "pyodide.asm.wasm is damaged": ("**/pyodide/pyodide.asm.wasm",
                                    {"status": 200, "body": b"\x00asm" + b"\x01" * 4096,
                                     "headers": {"content-type": "application/wasm"}}, "download was damaged"),
    "pyodide.asm.wasm is an error page": ("**/pyodide/pyodide.asm.wasm",
                                          {"status": 200, "body": "<html>Moved</html>",
                                           "headers": {"content-type": "text/html"}}, "could not download"),
    "python_stdlib.zip is missing (404)": ("**/pyodide/python_stdlib.zip",
                                           {"status": 404, "body": "Not Found"}, "could not download"),
    "no WebAssembly": (None, None, "does not support WebAssembly"),
}
SECONDS = 5


@pytest.mark.parametrize("failure", FAILURES)
def test_a_runtime_that_cannot_load_is_said_at_once_with_the_answers_table(failure, site_dir, serve, page):
    pattern, response, reason = FAILURES[failure]
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))  # the worker's own errors stay in it
    if pattern:
        page.route(pattern, lambda route: route.fulfill(**response))
    else:
        page.add_init_script("delete globalThis.WebAssembly")
    started = time.monotonic()
    page.goto(serve(site_dir) + "can-i-share/")
    failed = page.locator('form[data-checker="sharing"] [data-hb-failed]')
    failed.wait_for(state="visible", timeout=SECONDS * 1000)
    took = time.monotonic() - started
    assert took < SECONDS, f"{failure}: the failure showed after {took:.1f} s"
    assert reason in failed.inner_text(), failed.inner_text()
    assert failed.locator("a").get_attribute("href").rstrip("/").endswith("all-answers/sharing")
    assert page.locator('form[data-checker="sharing"] [data-hb-status]').is_hidden()  # no spinner left
    assert errors == []  # else one could reach the page first and give another reason
