"""A checker's form driven in the page as a reader would, compared with CPython; and the offline copy."""
from __future__ import annotations

import json
import re
from pathlib import Path

import checkers
from handbook.answers import scenarios

from . import REPO
from .chromium import wait_for

# The page of each checker's full form.
FULL_CHECKERS = {"sharing": "can-i-share/", "breach": "something-went-wrong/", "concern": "someone-told-me/"}


def site_settings(site_dir: Path) -> dict:
    """The group's words and policy version the build gave the browser engine."""
    return json.loads((site_dir / "assets" / "checkers" / "bundle.json").read_text(encoding="utf-8"))


def enter(page, form: str, answers: dict) -> None:
    """Start again, then tick the answers and press Check, as a reader would (script-driven for speed)."""
    page.click(f"{form} [data-hb-reset]")
    page.evaluate(
        """([form, answers]) => {
            const root = document.querySelector(form);
            for (const [name, value] of Object.entries(answers)) {
              for (const v of [].concat(value)) {
                const input = root.querySelector(`input[name="${name}"][value="${v}"]`);
                if (!input) throw new Error(`no input ${name}=${v}`);
                input.checked = true;
                input.dispatchEvent(new Event("change", {bubbles: true}));
              }
            }
        }""",
        [form, answers],
    )
    page.click(f"{form} button[type=submit]")


def answer_on_screen(page, form: str) -> dict:
    """The answer once shown: decision, cites and title (or the problem list, if that shows instead)."""
    return wait_for(page, """(form) => {
        const box = document.querySelector(`${form} [data-hb-answer]`);
        const problems = document.querySelector(`${form} [data-hb-problems]`);
        if (box.dataset.decision) return {decision: box.dataset.decision, cites: box.dataset.cites.split(" "),
                                          urgency: box.dataset.urgency,
                                          title: box.querySelector("[data-hb-title]").textContent,
                                          assessment: box.querySelector("[data-hb-assessment]").textContent};
        if (!problems.hidden) return {problem: problems.textContent.trim()};
        return null;
    }""", form)


def runtime_answers(page, form: str) -> None:
    """Wait until the runtime is ready: the answer shown first may come from the build's data
    (data-source="build"); pressing Check again once the runtime is ready gives its own."""
    wait_for(page, """(form) => {
        const root = document.querySelector(form);
        if (root.querySelector("[data-hb-answer]").dataset.source === "runtime") return true;
        root.querySelector("button[type=submit]").click();
        return false;
    }""", form, timeout=120)


def all_scenarios():
    paths = sorted((REPO / "checkers" / "scenarios").glob("*.yml"))
    return [scenarios.load(path) for path in paths]


def every_scenario_matches_cpython(page, base: str, settings: dict, on_each_page=lambda: None) -> int:
    """Enter every scenario on its checker's page; each answer must be CPython's. Returns how many ran."""
    files = all_scenarios()
    assert files, "no scenario files in checkers/scenarios/"
    checked = 0
    for checker_id, path in FULL_CHECKERS.items():
        page.goto(base + path)
        form = f'form[data-checker="{checker_id}"]'
        enter(page, form, next(f for f in files if f.checker == checker_id).scenarios[0].answers)
        runtime_answers(page, form)  # so that the runtime answers every scenario, not the build's data
        for scenario_file in files:
            if scenario_file.checker != checker_id:
                continue
            module = checkers.CHECKERS[checker_id]
            for scenario in scenario_file.scenarios:
                expected = module.decide(scenario.answers, group=settings["group"], version=settings["version"])
                enter(page, form, scenario.answers)
                shown = answer_on_screen(page, form)
                where = f"{scenario_file.path}, line {scenario.line}: {scenario.name}"
                assert shown.get("decision") == expected.decision, f"{where}: page showed {shown}"
                assert shown["urgency"] == expected.urgency, where
                assert shown["cites"] == list(expected.cites), where
                assert shown["title"] == expected.title, where
                assert shown["assessment"] == expected.assessment, where
                checked += 1
        on_each_page()
    return checked


# One police request the sharing checker answers, for the offline copy's tests.
ANSWERS = {"about": "service_user", "requester": "police", "information": "contact_details", "circumstances": []}


def precached(site) -> list[str]:
    """Every file the service worker keeps: FILES, then LATER (the checkers' memory snapshot)."""
    text = (site / "sw.js").read_text()
    return [url for name in ("FILES", "LATER")
            for url in json.loads(re.search(rf"const {name} = (\[.*?\]);", text, re.S).group(1))]


def visit_once(page, base: str, site) -> None:
    """One visit: the page loads, and the service worker keeps every file of the build."""
    page.goto(base)
    expected = len(precached(site))
    wait_for(page, f"""(async () => {{
        const names = await caches.keys();
        if (!names.length || !navigator.serviceWorker.controller) return false;
        return (await (await caches.open(names[0])).keys()).length === {expected};
    }})()""", timeout=120)


# Three circumstances ticked: the build's first answers hold it too (handbook/browser/first_answers.py).
THREE_CIRCUMSTANCES = {**ANSWERS, "circumstances": ["urgent_medical", "risk_of_harm", "safeguarding"]}


def without_first_answers(page) -> None:
    """The build's first answers refused, so that only the runtime answers (they hold every answer set)."""
    page.route("**/assets/checkers/first-answers-*.json", lambda route: route.abort())


def cached_urls(page) -> list[str]:
    return page.evaluate("""async () => {
        const urls = [];
        for (const name of await caches.keys()) {
            for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
        }
        return urls;
    }""")


def started_from(page) -> str | None:
    """"snapshot" if the page's worker restored the build's snapshot; None if it started Python."""
    worker = next(worker for worker in page.workers if worker.url.endswith("/assets/checkers/worker.js"))
    return worker.evaluate("self.startedFrom ?? null")
