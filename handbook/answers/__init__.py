"""What the handbook makes of the checkers' answers: the committed tables and records (checkers/answers/),
the route without JavaScript, the scenarios' check, the quiz and what changed between versions.

The rules themselves are in checkers/ (each checker's rules.py); this package only asks them.
"""
