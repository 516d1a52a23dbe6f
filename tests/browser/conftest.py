"""The browser lane (marker `browser`): built pages in Debian's headless Chromium, driven by Playwright."""
from helpers.chromium import axe, browser, outside, page  # noqa: F401 (fixtures)
from helpers.sites import build, generator, hostile_site_dir, serve, site_dir  # noqa: F401 (fixtures)
