"""The site stage: the generator adapters, the page security policy, publishing, and the swap into place."""

GENERATORS = ("mkdocs", "zensical")  # the site generators a build can use, the first by default
