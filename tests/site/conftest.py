"""The site lane (marker `site`): whole sites built once per run and shared, documents and packages made
from them, and the pages some of them open in Chromium (those are also marked `browser`)."""
from helpers.chromium import axe, browser, outside, page  # noqa: F401 (fixtures)
from helpers.sites import build, generator, hostile_site_dir, serve, site_dir  # noqa: F401 (fixtures)
