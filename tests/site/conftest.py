"""The site lane (marker `site`): whole sites built once per run and shared, documents and packages made
from them, and the pages some of them open in Chromium (those are also marked `browser`)."""
