"""The site stage: the generator adapters, the page security policy, publishing, and the swap into place."""
