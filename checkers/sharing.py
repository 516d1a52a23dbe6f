"""Sharing: "Someone wants information. Can I share it?" - the questions and the rules, clause by clause.

Read RULES beside the policy: each rule names when it applies, what it decides and the clauses it
rests on. Rules are in priority order, safest first: the first that applies decides, and every
other rule that applies adds its clauses and a short note (see engine.py).
"""
from __future__ import annotations

from types import SimpleNamespace

from . import engine, versions
from .answers import validate
from .engine import Rule
from .model import Option, Question, Result

ID = "sharing"
TITLE = "Can I share this?"
DECISIONS = ("share", "get_consent", "do_not_share", "refer_to_manager", "safeguarding",
             "pass_to_person_in_authority")

INSIDE = ("colleague", "partner_agency")  # clause 2: the circle of confidentiality
OUTSIDE = ("professional", "public", "social_media")  # clause 4: recorded consent first
RECORDED = ("signed_form", "email_to_authority")  # clause 4: consent that counts outside
EXPRESS = RECORDED + ("email_other", "verbal")  # clauses 1 and 9: the person clearly said yes
CASE = ("case_details", "case_file")

QUESTIONS: tuple[Question, ...] = (
    Question("about", "Whose information is it?", (
        Option("service_user", "Someone who uses our service (a guest)"),
        Option("worker", "A staff member or volunteer"),
    )),
    Question("requester", "Who wants it?", (
        Option("colleague", "Someone who works or volunteers with us"),
        Option("partner_agency", "A worker from another agency who works regularly with us",
               "For example an adviser who runs a session here every week."),
        Option("professional", "Any other professional or organisation",
               "For example a doctor, a school, a housing officer or a charity."),
        Option("police", "The police"),
        Option("court", "A court"),
        Option("public", "Family, friends or anyone else"),
        Option("social_media", "Posting online, or talking to the press",
               "Facebook, Instagram, X, YouTube, group chats, newspapers, radio."),
        Option("the_person", "The person it is about"),
    )),
    Question("information", "What do they want?", (
        Option("case_details", "Their situation, needs or the support they get"),
        Option("contact_details", "Personal details: home address, route home, phone number or social media"),
        Option("case_file", "Their case file"),
        Option("photo_video", "A photo or video of them"),
    )),
    Question("consent", "Has the person agreed to this?", (
        Option("signed_form", "Yes, they signed our consent form"),
        Option("email_to_authority", "Yes, in an email to someone with authority in our group"),
        Option("email_other", "Yes, in writing, but not to someone with authority",
               "For example a text message, or an email to a volunteer."),
        Option("verbal", "Yes, but only by saying so"),
        Option("not_asked", "We have not asked them"),
        Option("refused", "No, or they asked us not to share"),
    ), when={"requester": INSIDE + OUTSIDE}),
    Question("consent_names_recipient", "Does the form or email name the organisation asking?", (
        Option("yes", "Yes, it names them"),
        Option("no", "No, it names others, or just says 'partner agencies'"),
    ), hint="Since version 1.1 of the policy, consent counts only if it names each organisation. "
            "Under version 1.0 this does not change the answer. Not sure? Leave it: the answer "
            "will tell you to check.",
        required=False, when={"requester": ("professional",), "consent": RECORDED}),
    Question("circumstances", "Do any of these apply?", (
        Option("urgent_medical", "Someone needs urgent medical treatment"),
        Option("risk_of_harm", "There is evidence they may seriously harm themselves or others"),
        Option("safeguarding", "There are safeguarding concerns"),
        Option("drug_dealing", "Someone is dealing drugs within the service"),
        Option("court_required", "A worker has to appear in court"),
        Option("terrorism", "The information is about an act of terrorism"),
        Option("child_or_vulnerable_adult_at_risk", "A child or vulnerable adult may be at risk of significant harm"),
    ), hint="Tick all that apply. Leave them all unticked if none do.", multi=True),
)

WHAT = {"case_details": "what you know about their situation", "contact_details": "their personal details",
        "case_file": "their case file", "photo_video": "the photo or video"}
WHO = {"colleague": "your colleague", "partner_agency": "the partner-agency worker",
       "professional": "the professional", "police": "the police", "court": "the court",
       "public": "the person asking", "social_media": "anyone online", "the_person": "them"}

REFER = "Tell {manager} today. If they are away, tell {team_leader}. Do not decide alone."
RECORD_IT = "Share only after their consent is recorded."
ASK_RECORDED = "Ask them to sign the consent form, or to email {person_with_authority}."
NOT_RECORDED = ("Their consent is not recorded (a signed form, or an email to {person_with_authority}), "
                "so only {manager} can decide to share without it.",)


def _rule(name, summary, when, cites, decision=None, title="", steps=(), actions=(), note=(), note_actions=()):
    return Rule(name, summary, when, cites, decision, title, steps, actions, note, note_actions)


def _circumstance(name, summary, cid, title, steps, note, extra=()):
    """Clause 5: every exceptional circumstance goes to the manager or team leader."""
    return _rule(name, summary, lambda f: name in f.circumstances, ("5", cid), "refer_to_manager",
                 title, steps, extra + ("refer_to_manager",), note, extra + ("refer_to_manager",))


RULES: tuple[Rule, ...] = (
    _rule("never_online", "Someone wants to post or discuss anything but a photo or video online or with the press",
          lambda f: f.requester == "social_media" and f.information != "photo_video", ("4a",),
          "do_not_share", "Do not share: never post or discuss this online",
          ("Do not post, share or discuss {what} on social media or with the press, even if they agreed.",
           "If it is already online, tell {manager} today and use the 'Something went wrong' checker."),
          ("do_not_post",)),
    _rule("online_not_now", "Someone wants to post a photo or video while an exceptional circumstance applies",
          lambda f: f.requester == "social_media" and bool(f.circumstances), ("4a", "5"),
          "do_not_share", "Do not post anything: tell the manager first",
          ("Do not post anything about this.", REFER), ("do_not_post", "refer_to_manager")),
    _rule("child_at_risk", "A child or vulnerable adult may be at risk of significant harm",
          lambda f: "child_or_vulnerable_adult_at_risk" in f.circumstances, ("6",),
          "safeguarding", "Protect them first: follow the safeguarding policy now",
          ("If anyone is in immediate danger, call 999 now.",
           "Tell {safeguarding_lead} today. Do not wait, and do not decide alone.",
           "Protecting a child or vulnerable adult comes before confidentiality. You do not need consent.",
           "Share only what is needed to keep them safe, and only with people who need it.",
           "Tell the person what is being done and why, unless that would put anyone at more risk.",
           "Follow the safeguarding policy of {name}."),
          ("follow_safeguarding_policy", "tell_safeguarding_lead", "share_minimum"),
          ("A child or vulnerable adult may be at risk: tell {safeguarding_lead} today "
           "and follow the safeguarding policy.",),
          ("follow_safeguarding_policy", "tell_safeguarding_lead")),
    _rule("safeguarding_concern", "There are safeguarding concerns",
          lambda f: "safeguarding" in f.circumstances, ("5", "5c"),
          "safeguarding", "Follow the safeguarding policy: tell the safeguarding lead today",
          ("Tell {safeguarding_lead} today. Do not decide alone.",
           "Do not promise to keep it secret.",
           "Write down what you saw or heard, in the person's own words where you can.",
           "Follow the safeguarding policy of {name}."),
          ("follow_safeguarding_policy", "tell_safeguarding_lead"),
          ("There are safeguarding concerns: tell {safeguarding_lead} today.",),
          ("follow_safeguarding_policy", "tell_safeguarding_lead")),
    _circumstance("urgent_medical", "Someone needs urgent medical treatment", "5a",
                  "Get medical help first, then tell the manager",
                  ("If someone needs urgent medical treatment, call 999 now.",
                   "Tell the paramedics or doctors only what they need to treat the person.", REFER),
                  ("Someone needs urgent medical treatment: call 999 first, and tell the medics "
                   "only what they need.",), ("call_emergency_services",)),
    _circumstance("risk_of_harm", "There is evidence someone may seriously harm themselves or others", "5b",
                  "Tell the manager now: someone may be at serious risk",
                  ("If anyone is in immediate danger, call 999 now.", REFER,
                   "Do not share anything else until they decide."),
                  ("Someone may be at serious risk: if anyone is in immediate danger, call 999.",),
                  ("call_emergency_services",)),
    _circumstance("terrorism", "The information is about an act of terrorism", "5f",
                  "Tell the manager without delay: do not alert the person",
                  ("Tell {manager} without delay. If they are away, tell {team_leader}.",
                   "Do not tell the person, or anyone else, that you are doing this.",
                   "If anyone is in immediate danger, call 999."),
                  ("It is about terrorism: tell {manager} without delay, and do not alert the person.",),
                  ("do_not_alert_person",)),
    _circumstance("drug_dealing", "Someone is dealing drugs within the service", "5d",
                  "Tell the manager: do not decide alone",
                  (REFER, "Do not share anything until they decide.", "Do not confront the person yourself."),
                  ("It involves drug dealing within the service: {manager} decides what to do.",)),
    _circumstance("court_required", "A worker has to appear in court", "5e",
                  "Tell the manager: a worker has to go to court",
                  ("Tell {manager} as soon as you know someone must go to court.",
                   "They will get advice. In court, answer what you are asked, and do not share more."),
                  ("A worker has to go to court: tell {manager}, who gets advice.",)),
    _rule("court_asks", "A court asks for information",
          lambda f: f.requester == "court", ("5", "5e"), "refer_to_manager",
          "Do not share yet: pass this to the manager",
          ("Do not send anything to the court yourself.",
           "Give the request to {manager} today. They get advice and decide.",
           "A court order must be obeyed, so they check exactly what it asks for."),
          ("refer_to_manager",), ("A court is asking: pass the request to {manager}.",), ("refer_to_manager",)),
    _rule("police_ask", "The police ask for information",
          lambda f: f.requester == "police", ("8",), "pass_to_person_in_authority",
          "Do not share: pass this to {person_with_authority}",
          ("Do not give the police any information yourself, not even a name or an address.",
           "Pass their request to {person_with_authority}. If they are away, pass it to {team_leader}.",
           "The police have no automatic right to it. The person in authority asks what they want, "
           "why, and under which law, and writes it down.",
           "If a life is at risk, they can share what is needed at once and record it afterwards."),
          ("pass_to_person_in_authority",),
          ("The police are asking: pass their request to {person_with_authority}.",),
          ("pass_to_person_in_authority",)),
    _rule("partner_objected", "The person asked us not to share with a partner agency",
          lambda f: f.requester == "partner_agency" and f.consent == "refused", ("2",),
          "do_not_share", "Do not share with the partner agency: they asked us not to",
          ("Do not share {what} with the partner-agency worker.",
           "They asked us not to. Respect that, and write down the reason they gave.",
           "If you think there is no good reason, ask {manager}. Do not decide alone."),
          ("respect_objection",),
          ("They asked us not to share with the partner agency: tell {manager} that.",)),
    _rule("refused_outside", "The person said no to sharing outside the group",
          lambda f: f.requester in OUTSIDE and f.consent == "refused", ("1", "4"),
          "do_not_share", "Do not share: they said no",
          ("Do not share {what}.", "They have the right to say no. Respect it.",
           "If you think someone is at risk, ask {manager}."),
          ("respect_refusal",),
          ("They said no: tell {manager} that. If anything is shared to protect someone, tell them "
           "what and why, if it is safe.",), ("tell_them_if_safe",)),
    _rule("refused_personal", "The person said no, and it needs their permission even inside the group",
          lambda f: f.requester in INSIDE and f.consent == "refused" and f.personal, ("1",),
          "do_not_share", "Do not share: they said no",
          ("Do not share {what}.", "They have the right to say no. Respect it."),
          ("respect_refusal",), ("They said no: tell {manager} that.",), ("tell_them_if_safe",)),
    _rule("team_despite_refusal", "A colleague asks about a guest who asked us not to share",
          lambda f: f.requester == "colleague" and not f.personal and f.consent == "refused", ("2",),
          "share", "You can share it with the team, but explain why",
          ("Confidentiality is with {name}, not with one worker, so colleagues can know {what}.",
           "Explain this to the person kindly. Never promise to keep things secret from the team.",
           "Share only what your colleague needs to help them."),
          ("explain_group_confidentiality", "share_minimum")),
    _rule("consent_names_others", "Policy 1.1: the consent does not name the organisation asking",
          lambda f: f.v11 and f.requester == "professional" and f.consent in RECORDED and f.names == "no",
          ("4",), "get_consent", "Do not share yet: their consent must name this organisation",
          ("Their consent does not name the organisation asking. Consent must name each organisation "
           "we share with: 'partner agencies' is not enough.", ASK_RECORDED.replace(".", ", naming them."),
           RECORD_IT),
          ("get_recorded_consent",), NOT_RECORDED),
    _rule("email_without_authority", "They agreed in writing, but not to someone with authority",
          lambda f: f.requester in OUTSIDE and f.consent == "email_other", ("4",),
          "get_consent", "Do not share yet: their email must go to someone with authority",
          ("They agreed in writing, but not to someone with authority in {name}. "
           "That does not count as recorded consent.", ASK_RECORDED, RECORD_IT),
          ("get_recorded_consent",), NOT_RECORDED),
    _rule("verbal_only", "They agreed only by saying so",
          lambda f: f.requester in OUTSIDE and f.consent == "verbal", ("4",),
          "get_consent", "Do not share yet: get their consent in writing",
          ("Saying yes is not enough to share outside {name}: their consent must be recorded.",
           ASK_RECORDED, RECORD_IT), ("get_recorded_consent",), NOT_RECORDED),
    _rule("not_asked_outside", "Someone outside the group asks, and the person has not been asked",
          lambda f: f.requester in OUTSIDE and f.consent == "not_asked", ("4",),
          "get_consent", "Do not share yet: get their consent first",
          ("Ask them if they agree to share {what} with {who}. Explain why, and that saying no "
           "will not change the help they get.", "If they agree, " + ASK_RECORDED[0].lower() + ASK_RECORDED[1:],
           RECORD_IT), ("get_recorded_consent",), NOT_RECORDED),
    _rule("permission_inside", "Someone in the group asks for something that needs the person's permission",
          lambda f: f.requester in INSIDE and f.consent == "not_asked" and f.personal, ("1",),
          "get_consent", "Do not share yet: ask them first",
          ("Ask them if they agree to share {what} with {who}.",
           "Share only if they clearly say yes. Write down that they agreed, and when."),
          ("ask_express_permission",),
          ("They have not given permission, so only {manager} can decide to share without it.",)),
    _rule("check_names", "Policy 1.1: consent is recorded, but nobody has said if it names the organisation",
          lambda f: f.v11 and f.requester == "professional" and f.consent in RECORDED and f.names is None,
          ("4",), "share", "You can share it, once you check their consent names this organisation",
          ("Check the consent form or email names the organisation asking. "
           "Consent to 'partner agencies' in general is not enough.",
           "If it names them, share only what they need, in a secure way.",
           "If it does not, do not share yet: ask for new consent that names them."),
          ("check_consent_names_recipient", "share_minimum")),
    _rule("recorded_consent", "Someone outside the group asks, and the person's consent is recorded",
          lambda f: f.requester in OUTSIDE and f.consent in RECORDED, ("4",),
          "share", "You can share it: their consent is recorded",
          ("Check their consent covers {what} and who is asking.",
           "Share only what is needed, in a secure way.", "Keep the form or email with their record."),
          ("share_minimum",)),
    _rule("own_file", "The person asks to see their own file",
          lambda f: f.requester == "the_person" and f.information == "case_file", ("3a",),
          "share", "You can show them their file",
          ("Anyone can look at their own file at any time. Check it is really them.",
           "Show it to them in private. Do not show them anything about other people.",
           "If they want a copy, tell {manager}: the law says within one month."),
          ("check_identity", "share_minimum")),
    _rule("own_information", "The person asks about their own information",
          lambda f: f.requester == "the_person" and f.information != "case_file", ("1",),
          "share", "You can tell them: it is their own information",
          ("Check it is really them.", "Tell them in private. Do not pass on anything about other people."),
          ("check_identity",)),
    _rule("within_team", "Someone in the group asks about a guest's situation or file",
          lambda f: f.requester in INSIDE and not f.personal, ("2",),
          "share", "You can share it: they work with us",
          ("Confidentiality is with {name}, not with one worker, so you can share {what} with {who}.",
           "Share only what they need to help the person, where others cannot overhear."),
          ("share_minimum",)),
    _rule("permission_given_inside", "Someone in the group asks, and the person said yes",
          lambda f: f.requester in INSIDE and f.consent in EXPRESS and f.personal, ("1",),
          "share", "You can share it: they gave permission",
          ("They said yes, so you can share {what} with {who}.", "Share only what they agreed to.",
           "Write down that they agreed, how and when."), ("share_minimum",)),
    # Notes: they never decide, they add a clause and a reminder whenever they hold.
    _rule("personal_details", "The request is for a home address, route home, phone number or social media",
          lambda f: f.information == "contact_details", ("9",),
          note=("Home address, route home, phone number and social media accounts are never given "
                "out without the person's express permission.",)),
    _rule("photos", "The request is for a photo or video",
          lambda f: f.information == "photo_video", ("4a",),
          note=("Photos and videos need the express permission of the person in them; for a child, "
                "a parent's too. Online, never add names or location tags.",)),
    _rule("case_files", "The request is for a case file",
          lambda f: f.information == "case_file", ("3",),
          note=("Case files are kept secure, and only when we follow data protection law.",)),
    _rule("workers_too", "The information is about a staff member or volunteer",
          lambda f: f.about == "worker", ("1a",),
          note=("Staff and volunteers' information is protected in the same way.",)),
)


# Options that change nothing (decision, cites or actions) under some version, and why.
NO_EFFECT: dict[str, str] = {
    "1.0 consent_names_recipient.yes": "Version 1.0 of clause 4 does not ask consent to name the organisation.",
    "1.0 consent_names_recipient.no": "Version 1.0 of clause 4 does not ask consent to name the organisation.",
}


def facts(answers: dict, version: str) -> SimpleNamespace:
    """Checked answers in the shape the rules read.

    `personal` is true when even colleagues need the person's permission: personal details
    (clause 9), photos (4a) and anything about a worker (1, 1a). Clause 2 lets a guest's situation
    and file be shared within the group without asking.
    """
    return SimpleNamespace(
        about=answers["about"], requester=answers["requester"], information=answers["information"],
        consent=answers.get("consent"), names=answers.get("consent_names_recipient"),
        circumstances=answers["circumstances"], v11=versions.at_least(version, "1.1"),
        personal=answers["about"] == "worker" or answers["information"] in ("contact_details", "photo_video"),
    )


def outcome(answers: dict, version: str | None = None) -> engine.Outcome:
    """The rules' answer, before wording: used by decide() and by the answers table."""
    checked = validate(ID, QUESTIONS, answers)
    return engine.evaluate(RULES, facts(checked, versions.resolve(version)))


DECIDER = {"share": "you", "get_consent": "you", "do_not_share": "you",
           "refer_to_manager": "{manager}", "safeguarding": "{safeguarding_lead}",
           "pass_to_person_in_authority": "{person_with_authority}"}


def _label(question_id: str, option_id: str) -> str:
    question = next(q for q in QUESTIONS if q.id == question_id)
    return next(o.label for o in question.options if o.id == option_id)


def record(answers: dict, result: engine.Outcome) -> tuple[str, ...]:
    """What to write down: every decision, share or not (HM Government advice; ICO data sharing code)."""
    consent = answers.get("consent")
    ticked = [_label("circumstances", c) for c in sorted(answers.get("circumstances", ()))]
    lines = [
        "When: the date and time you were asked.",
        f"Who asked: {_label('requester', answers['requester']).lower()}. Write their name and organisation.",
        f"What they asked for: {_label('information', answers['information'])}, about "
        f"{_label('about', answers['about']).lower()}.",
        f"Consent: {_label('consent', consent) if consent else 'not part of this decision'}.",
        f"Exceptional circumstances: {'; '.join(ticked) if ticked else 'none'}.",
        f"Decision: {result.winner.title} (clauses {', '.join(result.cites)}).",
        "What was shared, with whom and why; or, if nothing was shared, why not.",
        f"Who decided: {DECIDER[result.winner.decision]}. Write their name.",
    ]
    if answers["requester"] == "police":
        lines.insert(2, "What the police want, why they need it, and under which law.")
    return tuple(lines)


def decide(answers: dict, group: dict | None = None, version: str | None = None) -> Result:
    """Answer "Can I share this?" for checked answers, in the group's words (generic when None)."""
    result = outcome(answers, version)
    values = dict(engine.words(group), what=WHAT[answers["information"]], who=WHO[answers["requester"]])
    return engine.result(result, values, record(answers, result))
