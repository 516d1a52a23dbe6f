"""The handbook's checkers: pure-Python rules that run in CPython and in the browser."""
from . import breach, concern, sharing

# checker id -> module exporting ID, TITLE, QUESTIONS, DECISIONS and decide(answers, group=None, version=None)
CHECKERS = {"sharing": sharing, "breach": breach, "concern": concern}
