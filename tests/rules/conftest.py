"""The rules lane: the checkers (standard library only) and what the handbook makes from them. It needs no
shared fixture and imports neither the site build nor a browser: run it after each rule change with
`python3 tasks.py test --fast tests/rules`."""
