"""The handbook's checkers: pure-Python rules that run in CPython and in the browser."""
