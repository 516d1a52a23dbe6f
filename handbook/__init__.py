"""Build a group's Confidentiality Handbook: pages, checkers, documents and versions."""
