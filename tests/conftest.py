"""The lanes: which tests a run takes, decided here for every folder; nothing of the handbook is imported.

    tests/rules/    the checkers' rules and what is made from them (tables, routes, scenarios, first answers)
    tests/unit/     the handbook's code on its own: no site build, no browser
    tests/site/     built sites, documents read from them, packages, exports (marker `site`)
    tests/browser/  pages in headless Chromium (marker `browser`)

`python3 tasks.py test --fast` runs every test marked none of `browser`, `site` and `slow`
(pyproject.toml): a test is marked by its folder, by the fixtures it uses (a test anywhere that asks for
a built site or a page is in that lane without saying so), or by its own `@pytest.mark.slow`.
The shared fixtures live in tests/helpers/, the tests' one home for what they share, and are registered
here once (pytest_plugins).
"""
from __future__ import annotations

from pathlib import Path

# The shared fixtures (a built site, a server, Chromium), registered once for every lane: a session fixture
# made its own by two lanes' conftest.py would be two, and a second Playwright cannot start inside the
# first. Each imports the build or the browser only when a test asks for it.
pytest_plugins = ("helpers.sites", "helpers.chromium")

FOLDER_LANES = {"site": "site", "browser": "browser"}  # folder of tests/ -> its marker
FIXTURE_LANES = {"browser": {"browser", "page"}, "site": {"build", "site_dir", "hostile_site_dir", "generator"}}


def pytest_generate_tests(metafunc):
    """Every site test under each generator; the build is imported only when a test asks for one."""
    if "generator" in metafunc.fixturenames:
        from handbook.site import GENERATORS

        metafunc.parametrize("generator", GENERATORS, indirect=True, scope="session")


def pytest_collection_modifyitems(config, items):
    """Put each test in its lanes, then leave out the second generator where it says nothing new.

    Both generators render the same compiled pages, so most site tests say nothing new under the second.
    Zensical runs where a generator makes a difference (marked `every_generator`: the build, the pages
    in the browser with axe, CSP, search, the checkers in the page); elsewhere only MkDocs, to keep
    the whole suite well inside CI's 30 minutes.
    """
    tests = Path(__file__).parent
    first = None
    kept, dropped = [], []
    for item in items:
        folder = Path(item.path).relative_to(tests).parts[0]
        if folder in FOLDER_LANES:
            item.add_marker(FOLDER_LANES[folder])
        parametrized = {name for mark in item.iter_markers("parametrize") for name in _names(mark.args[0])}
        fixtures = set(getattr(item, "fixturenames", ())) - parametrized
        for lane, names in FIXTURE_LANES.items():
            if names & fixtures:
                item.add_marker(lane)
        params = getattr(item, "callspec", None)
        if params is not None and "generator" in params.params:
            if first is None:
                from handbook.site import GENERATORS

                first = GENERATORS[0]
            if params.params["generator"] != first and item.get_closest_marker("every_generator") is None:
                dropped.append(item)
                continue
        kept.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


def _names(argnames) -> list[str]:
    """A parametrize mark's argument names ("a, b" or a list): plain values, not fixtures."""
    return [name.strip() for name in argnames.split(",")] if isinstance(argnames, str) else list(argnames)
