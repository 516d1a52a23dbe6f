"""The browser lane (marker `browser`): built pages in Debian's headless Chromium, driven by Playwright."""
