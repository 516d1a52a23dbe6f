"""Concern: the questions a volunteer answers after someone told them something worrying (a disclosure)."""
from __future__ import annotations

from ..model import Option, Question

QUESTIONS: tuple[Question, ...] = (
    Question(id="who_at_risk", prompt="Who may be at risk?", options=(
        Option("child", "A child (under 18)"),
        Option("vulnerable_adult", "An adult who may not be able to protect themselves",
               "For example because of illness, disability, age or their situation."),
        Option("adult", "An adult who can make their own decisions"),
        Option("worker", "A staff member or volunteer"),
    ), hint="Tick everyone who may be at risk.", multi=True, at_least_one=True),
    Question(id="danger", prompt="Are they in danger?", options=(
        Option("now", "Yes, now or tonight"),
        Option("ongoing", "It is happening, or will happen again"),
        Option("past", "It happened and has stopped"),
        Option("not_sure", "Not sure"),
    )),
    Question(id="asked_to_keep_secret", prompt="Did they ask you to keep it secret?", options=(
        Option("yes", "Yes"), Option("no", "No"),
    )),
    Question(id="about_a_worker", prompt="Is the person causing harm someone who works or volunteers here?",
             options=(Option("yes", "Yes"), Option("no", "No, or I do not know")),
             hint="This includes staff, volunteers and partner-agency workers who work here."),
)
