"""Sharing: the rules, clause by clause. Read them beside the policy.

Each rule names when it applies, what it decides, how soon, and the clauses it rests on. Rules
are in priority order, safest first: the first that applies decides, and every other rule that
applies adds its clauses and a short note (see checkers/engine.py). Emergencies come first
(ICO data sharing code: in an emergency, share what is necessary without delay), then children
and adults at risk (clause 6), the exceptional circumstances (clause 5), the police and courts
(clauses 8, 5e), refusals, who is asking, and consent (clauses 1, 2, 4, 4a, 9).
"""
from __future__ import annotations

from ..engine import Rule
from .questions import INSIDE, OUTSIDE, RECORDED

EXPRESS = RECORDED + ("email_other", "verbal")  # clauses 1 and 9: the person clearly said yes
ASK_FOR_MESSAGE = "Offer to pass on a message instead: take their name and number, and give it to the person."
HOTLINE = "the police's Anti-Terrorist Hotline, 0800 789 321"
# Terrorism Act 2000 s.39: telling anyone something likely to harm an investigation is an offence ("tipping off").
NO_TIPPING_OFF = ("Do not tell the person, or anyone who does not need to know, that you are doing this. "
                  "The law says that warning them can be a crime.")
# {how_to_check}: how to be sure of this requester (sharing/__init__.py HOW_TO_CHECK, one line each)


def circumstance(code: str):
    return lambda f: code in f.circumstances


RULES: tuple[Rule, ...] = (
    # Clause 4a: some things are never posted, whatever anyone agreed.
    Rule(name="never_online", summary="Someone wants to post or discuss anything but a photo or video online",
         when=lambda f: f.requester == "social_media" and f.information != "photo_video", cites=("4a",),
         decision="do_not_share", urgency="soon", title="Do not share: never post or discuss this online",
         steps=("Do not post or talk about {what} online or to the press, even if they agreed.",
                "If it is already online, tell {manager} and use the 'Something went wrong' checker."),
         actions=("do_not_post",)),
    Rule(name="online_not_now", summary="Someone wants to post a photo or video while something serious is going on",
         when=lambda f: f.requester == "social_media" and bool(f.circumstances), cites=("4a", "5"),
         decision="do_not_share", urgency="soon", title="Do not post anything about this",
         steps=("Do not post anything about this, and do not talk to the press about it.",
                "Talk to {manager} before anything about it goes online."),
         actions=("do_not_post",)),

    # Emergencies: the 999 services get what they need now (ICO data sharing code; clause 5).
    Rule(name="emergency_check_first",
         summary="The 999 services ask, and you are not sure it is them: personal details, or anything once you "
                 "said you have not checked",
         when=lambda f: f.requester == "emergency_services" and (f.unconfirmed or f.details and not f.confirmed),
         cites=("5", "9"),
         decision="do_not_share", urgency="now", title="Give the details through 999 now, not to the caller",
         steps=("You cannot be sure a caller is from the 999 services. Call 999 yourself now, and give the call "
                "handler the details the service needs. They pass them on.",
                "Give only what is needed to help the person. You do not need consent to save a life.",
                "When the emergency is over, tell {manager} what you shared."),
         actions=("check_identity", "call_emergency_services", "share_minimum", "tell_manager_afterwards")),
    Rule(name="emergency_services", summary="The 999 services need information in an emergency",
         when=lambda f: f.requester == "emergency_services", cites=("5",),
         decision="share", urgency="now", title="Share what they need now",
         steps=("Give them only what they need to help the person now, such as medicines, allergies or "
                "what happened.",
                "You do not need consent to save a life or to get someone urgent help.",
                "When the emergency is over, tell {manager} what you shared, with whom and why."),
         actions=("share_minimum", "tell_manager_afterwards", "call_emergency_services")),
    # The ICO's data sharing code ("data sharing in an urgent situation or in an emergency") counts keeping a
    # child or vulnerable adult safe, and preventing serious harm, as emergencies: share what is needed now.
    Rule(name="police_life_at_risk",
         summary="The police ask, and someone's life or safety is at risk, or a child or vulnerable adult is at risk",
         when=lambda f: f.requester == "police" and (f.emergency or f.at_risk), cites=("5", "8"),
         decision="pass_to_person_in_authority", urgency="now",
         title="Get {person_with_authority} now: they can share what is needed to keep someone safe",
         steps=("Do not turn the police away. Get {person_with_authority} now, or {team_leader} if they are away.",
                "They share only what is needed to keep someone safe, and write it down afterwards.",
                "If you cannot reach either of them in time: if the officers are with you, give them only what is "
                "needed to keep someone safe. If they phoned, call 999 yourself and give it to the call handler.",
                "Then tell {person_with_authority} what you shared."),
         actions=("pass_to_person_in_authority", "share_minimum", "call_emergency_services")),

    # Clause 6: a child or vulnerable adult at risk comes before confidentiality.
    Rule(name="child_at_risk", summary="A child or vulnerable adult may be at risk of significant harm",
         when=circumstance("child_or_vulnerable_adult_at_risk"), cites=("6",),
         decision="safeguarding", urgency="today",
         title="Protect them first: tell {safeguarding_lead} {when}",
         steps=("If anyone is in danger, call 999.",
                "Tell {safeguarding_lead} {when}. Do not decide alone.",
                "Protecting a child or vulnerable adult comes before confidentiality: no consent is needed to tell "
                "{safeguarding_lead}.",
                "Do not promise to keep it secret.",
                "{safeguarding_lead} shares only what is needed to keep them safe, and only with the people who "
                "need it, such as children's or adult services, or the police.",
                "Follow the safeguarding policy of {name}."),
         actions=("call_emergency_services", "follow_safeguarding_policy", "tell_safeguarding_lead",
                  "do_not_promise_secrecy", "share_minimum"),
         note=("A child or vulnerable adult may be at risk: tell {safeguarding_lead} {when}, and follow the "
               "safeguarding policy. Do not promise to keep it secret.",),
         note_actions=("follow_safeguarding_policy", "tell_safeguarding_lead", "do_not_promise_secrecy")),
    # Clause 5: each exceptional circumstance goes to the manager or team leader.
    Rule(name="safeguarding_concern", summary="There are safeguarding concerns",
         when=circumstance("safeguarding"), cites=("5", "5c"),
         decision="safeguarding", urgency="today", title="Follow the safeguarding policy: tell {safeguarding_lead} {when}",
         steps=("If anyone is in danger, call 999.",
                "Tell {safeguarding_lead} {when}. Do not decide alone.",
                "Do not promise to keep it secret.",
                "Write down what you saw or heard, in the person's own words where you can.",
                "Follow the safeguarding policy of {name}."),
         actions=("call_emergency_services", "follow_safeguarding_policy", "tell_safeguarding_lead",
                  "do_not_promise_secrecy", "write_down_their_words"),
         note=("There are safeguarding concerns: tell {safeguarding_lead} {when}. Do not promise to keep it "
               "secret, and write down what you saw or heard.",),
         note_actions=("follow_safeguarding_policy", "tell_safeguarding_lead", "do_not_promise_secrecy",
                       "write_down_their_words")),
    Rule(name="urgent_medical", summary="Someone needs urgent medical treatment",
         when=circumstance("urgent_medical"), cites=("5", "5a"),
         decision="refer_to_manager", urgency="now", title="Get medical help now, then tell {manager}",
         steps=("If someone needs urgent medical treatment, call 999 now.",
                "Tell the paramedics or doctors treating them only what they need to treat the person.",
                "Tell {manager} now. If they are away, tell {team_leader}. They decide about anything else."),
         actions=("call_emergency_services", "share_minimum", "refer_to_manager"),
         note=("Someone needs urgent medical treatment: call 999 now, and tell the paramedics or doctors "
               "only what they need. Then tell {manager}.",),
         note_actions=("call_emergency_services", "refer_to_manager"), note_first=True),
    Rule(name="risk_of_harm", summary="There is evidence someone may seriously harm themselves or others",
         when=circumstance("risk_of_harm"), cites=("5", "5b"),
         decision="refer_to_manager", urgency="now", title="Tell {manager} now: someone may be at serious risk",
         steps=("If anyone is in danger, call 999 now, and give the 999 service what it needs to keep people safe.",
                "Tell {manager} now. If they are away, tell {team_leader}. They decide now what to share.",
                "If you cannot reach either of them and someone could be seriously harmed, call 999."),
         actions=("call_emergency_services", "refer_to_manager"),
         note=("Someone may be at serious risk: if anyone is in danger, call 999 now. Tell {manager} now.",),
         note_actions=("call_emergency_services", "refer_to_manager"), note_first=True),
    Rule(name="terrorism_police", summary="The police ask, and the information is about terrorism",
         when=lambda f: "terrorism" in f.circumstances and f.requester == "police", cites=("5", "5f", "8"),
         decision="pass_to_person_in_authority", urgency="now",
         title="Get {person_with_authority} now: the police must be told about terrorism",
         steps=("Get {person_with_authority} now, or {team_leader} if they are away. They give the police what "
                "the law requires.",
                "If you cannot reach either of them, tell the police yourself what you know about the terrorism. "
                "The law (Terrorism Act 2000) says it must be told.",
                NO_TIPPING_OFF),
         actions=("pass_to_person_in_authority", "tell_police", "do_not_alert_person"),
         note=("It is about terrorism: get {person_with_authority} now. If you cannot reach them, tell the police "
               "yourself. Do not tell the person.",),
         note_actions=("pass_to_person_in_authority", "tell_police", "do_not_alert_person"), note_first=True),
    Rule(name="terrorism", summary="The information is about terrorism",
         when=lambda f: "terrorism" in f.circumstances and f.requester != "police", cites=("5", "5f"),
         decision="refer_to_manager", urgency="now", title="Tell {manager} now: the police must be told",
         steps=("Tell {manager} now. If they are away, tell {team_leader}. They tell the police.",
                f"If you cannot reach either of them, tell the police yourself: call 999 if anyone is in danger, "
                f"or else {HOTLINE}.",
                "The law (Terrorism Act 2000) says that anyone who has information that could help stop "
                "terrorism must tell the police.",
                NO_TIPPING_OFF),
         actions=("call_emergency_services", "tell_police", "do_not_alert_person", "refer_to_manager"),
         note=(f"It is about terrorism: tell {{manager}} now, who tells the police; if you cannot reach them, call "
               f"999 if anyone is in danger, or else {HOTLINE}. Do not tell the person.",),
         note_actions=("call_emergency_services", "tell_police", "do_not_alert_person", "refer_to_manager"),
         note_first=True),
    Rule(name="drug_dealing", summary="Someone is dealing drugs within the service",
         when=circumstance("drug_dealing"), cites=("5", "5d"),
         decision="refer_to_manager", urgency="today", title="Tell {manager} {when}: do not decide alone",
         steps=("Tell {manager} {when}. If they are away, tell {team_leader}. Do not decide alone.",
                "Do not share anything until they decide.", "Do not confront the person yourself."),
         actions=("refer_to_manager",),
         note=("It involves drug dealing within the service: {manager} decides what to do.",),
         note_actions=("refer_to_manager",)),
    Rule(name="court_required", summary="A worker has to appear in court",
         when=circumstance("court_required"), cites=("5", "5e"),
         decision="refer_to_manager", urgency="soon", title="Tell {manager} {when}: a worker has to go to court",
         steps=("Tell {manager} {when} that someone must go to court.",
                "They will get advice. In court, answer what you are asked, and do not share more."),
         actions=("refer_to_manager",),
         note=("A worker has to go to court: tell {manager}, who gets advice.",), note_actions=("refer_to_manager",)),

    # Courts and the police (clauses 5e and 8).
    Rule(name="court_asks", summary="A court asks for information",
         when=lambda f: f.requester == "court", cites=("5", "5e"),
         decision="refer_to_manager", urgency="today", title="Do not share yet: pass this to {manager}",
         steps=("Do not send anything to the court yourself.",
                "Give the request to {manager} {when}. They get advice and decide.",
                "A court order must be obeyed, so they check exactly what it asks for."),
         actions=("refer_to_manager",),
         note=("A court is asking: pass the request to {manager}.",), note_actions=("refer_to_manager",)),
    Rule(name="police_ask", summary="The police ask for information",
         when=lambda f: f.requester == "police", cites=("8",),
         decision="pass_to_person_in_authority", urgency="today",
         title="Do not share: pass this to {person_with_authority}",
         steps=("Do not give the police any information yourself, not even a name or an address.",
                "Say to the officer: 'I cannot give out information myself. I will pass your request to "
                "{person_with_authority}.' Take their name, number and police station, and what they want.",
                "Pass their request to {person_with_authority} {when}. If they are away, pass it to {team_leader}.",
                "The police have no automatic right to it. It is for {person_with_authority} to ask what they want, "
                "why, and under which law, and to write it down."),
         actions=("pass_to_person_in_authority",),
         note=("The police are asking: pass their request to {person_with_authority}.",),
         note_actions=("pass_to_person_in_authority",),
         only_with=("share", "get_consent", "do_not_share", "refer_to_manager", "safeguarding")),

    # The person said no (clauses 1, 2, 4).
    Rule(name="partner_objected", summary="The person asked us not to share with a partner agency",
         when=lambda f: f.requester == "partner_agency" and f.consent == "refused", cites=("2",),
         decision="do_not_share", urgency="soon", title="Do not share with the partner agency: they asked us not to",
         steps=("Do not share {what} with the partner-agency worker.",
                "They asked us not to. Respect that, and write down the reason they gave.",
                "If you think there is no good reason, ask {manager}. Do not decide alone."),
         actions=("respect_objection",),
         note=("They asked us not to share with the partner agency: tell {manager} that.",)),
    Rule(name="refused_outside", summary="The person said no to sharing outside the group",
         when=lambda f: f.requester in OUTSIDE and f.consent == "refused", cites=("1", "4"),
         decision="do_not_share", urgency="soon", title="Do not share: they said no",
         steps=("Do not share {what}.", "They have the right to say no. Respect it.",
                "If you think someone is at risk, ask {manager}."),
         actions=("respect_refusal",),
         note=("They said no: tell {manager} that.",)),
    Rule(name="refused_personal", summary="The person said no, and this needs their permission even inside the group",
         when=lambda f: f.requester in INSIDE and f.consent == "refused" and f.personal, cites=("1",),
         decision="do_not_share", urgency="soon", title="Do not share: they said no",
         steps=("Do not share {what}.", "They have the right to say no. Respect it."),
         actions=("respect_refusal",), note=("They said no: tell {manager} that.",)),
    Rule(name="team_despite_refusal", summary="A colleague asks about a guest who asked us not to share",
         when=lambda f: f.requester == "colleague" and not f.personal and f.consent == "refused", cites=("2",),
         decision="share", urgency="soon", title="You can share it with the team, but explain why",
         steps=("Confidentiality is with {name}, not with one worker. So colleagues can know {what}.",
                "Explain this to the person kindly. Never promise to keep things secret from the team.",
                "Share only what your colleague needs to help them."),
         actions=("explain_group_confidentiality", "share_minimum")),

    # Who is asking (clause 9; ICO guidance on deception): personal details only to someone you know.
    Rule(name="unknown_caller_details", summary="Someone asks for personal details, and you do not know it is them",
         when=lambda f: f.requester in ("professional", "public", "the_person") and f.details and not f.confirmed,
         cites=("9",), decision="do_not_share", urgency="soon",
         title="Do not give out personal details until you know it is really them",
         steps=("Do not give {what} to someone you cannot be sure of. People sometimes pretend to be family, "
                "a professional or the person, to find someone.",
                "{how_to_check}", ASK_FOR_MESSAGE),
         actions=("check_identity", "offer_to_pass_on_message")),

    # Consent that counts (clauses 4, 4a and 9): recorded, naming who is asking and the use.
    Rule(name="photo_not_for_posting", summary="Their consent does not say the photo or video may be posted online",
         when=lambda f: f.requester == "social_media" and f.consent in RECORDED and f.names == "no", cites=("4a",),
         decision="get_consent", urgency="soon", title="Do not post it yet: their consent does not cover posting it",
         steps=("Their consent does not say the photo or video may be posted online.",
                "Ask them if they agree to it being posted. Explain where it will appear, for how long, and how to "
                "have it taken down. For a child, ask a parent too.",
                "Post it only once they agree in writing: a signed form or an email to {person_with_authority}."),
         actions=("get_recorded_consent",)),
    Rule(name="photo_check_consent", summary="Nobody has checked their consent says the photo or video may be posted",
         when=lambda f: f.requester == "social_media" and f.consent in RECORDED and f.names is None, cites=("4a",),
         decision="get_consent", urgency="soon", title="Do not post it yet: check their consent says it may be posted",
         steps=("Look at their consent form or email. It must say that the photo or video may be posted online.",
                "If it does, you can post it. If it does not, or it only covers photos in general, ask them first."),
         actions=("check_consent_names_recipient", "get_recorded_consent")),
    Rule(name="consent_names_others", summary="Their consent does not name who is asking",
         when=lambda f: f.names_needed and f.consent in RECORDED and f.names == "no", cites=("4",),
         decision="get_consent", urgency="soon", title="Do not share yet: their consent must name who is asking",
         steps=("Their consent does not name who is asking. It must name them: 'partner agencies' is not enough.",
                "Ask them if they agree to share {what} with {who}. Ask them to sign the consent form naming them, "
                "or to email {person_with_authority}.",
                "Share only after that consent is recorded."),
         actions=("get_recorded_consent",)),
    Rule(name="check_consent_names", summary="Nobody has checked their consent names who is asking",
         when=lambda f: f.names_needed and f.consent in RECORDED and f.names is None, cites=("4",),
         decision="get_consent", urgency="soon", title="Do not share yet: check their consent names who is asking",
         steps=("Look at their consent form or email. It must name who is asking, and cover {what}.",
                "If it does, you can share. If it only says 'partner agencies', or does not name them, ask the "
                "person first."),
         actions=("check_consent_names_recipient", "get_recorded_consent")),
    Rule(name="email_without_authority", summary="They agreed in writing, but not to someone with authority",
         when=lambda f: f.requester in OUTSIDE and f.consent == "email_other", cites=("4",),
         decision="get_consent", urgency="soon", title="Do not share yet: their email must go to someone with authority",
         steps=("They agreed in writing, but not to someone with authority in {name}. "
                "That does not count as recorded consent.",
                "Ask them to sign the consent form, or to email {person_with_authority}.",
                "Share only after their consent is recorded."),
         actions=("get_recorded_consent",)),
    Rule(name="verbal_only", summary="They agreed only by saying so",
         when=lambda f: f.requester in OUTSIDE and f.consent == "verbal", cites=("4",),
         decision="get_consent", urgency="soon", title="Do not share yet: get their consent in writing",
         steps=("Saying yes is not enough to share outside {name}: their consent must be recorded.",
                "Ask them to sign the consent form, or to email {person_with_authority}.",
                "Share only after their consent is recorded."),
         actions=("get_recorded_consent",)),
    Rule(name="not_asked_outside", summary="Someone outside the group asks, and the person has not been asked",
         when=lambda f: f.requester in OUTSIDE and f.consent == "not_asked", cites=("4",),
         decision="get_consent", urgency="soon", title="Do not share yet: get their consent first",
         steps=("Ask them if they agree to share {what} with {who}. Explain why, and that saying no "
                "will not change the help they get.",
                "If they agree, ask them to sign the consent form, or to email {person_with_authority}.",
                "Share only after their consent is recorded."),
         actions=("get_recorded_consent",)),
    Rule(name="permission_inside", summary="Someone in the group asks for something that needs the person's permission",
         when=lambda f: f.requester in INSIDE and f.consent == "not_asked" and f.personal, cites=("1",),
         decision="get_consent", urgency="soon", title="Do not share yet: ask them first",
         steps=("Ask them if they agree to share {what} with {who}.",
                "Share only if they clearly say yes. Write down that they agreed, and when."),
         actions=("ask_express_permission",)),

    # Who is asking (ICO guidance on deception): you said you have not checked, so nothing is shared yet.
    Rule(name="not_checked_yet", summary="You said you do not know it is really them",
         when=lambda f: f.unconfirmed and f.requester in ("professional", "public", "the_person"), cites=("1",),
         decision="do_not_share", urgency="soon",
         title="Do not share yet: first make sure it is really them",
         steps=("Do not share {what} until you know it is really them.", "{how_to_check}",
                "Once you are sure, answer these questions again.", ASK_FOR_MESSAGE),
         actions=("check_identity", "offer_to_pass_on_message")),

    # Sharing (clauses 1, 2, 3a, 4).
    Rule(name="recorded_consent", summary="Someone outside the group asks, and the person's consent is recorded",
         when=lambda f: f.requester in OUTSIDE and f.consent in RECORDED, cites=("4",),
         decision="share", urgency="soon", title="You can share it: their consent is recorded",
         steps=("Share only what their consent covers, and only what is needed, in a secure way.",
                "Keep the form or email with their record."),
         actions=("share_minimum",)),
    Rule(name="own_file", summary="The person asks to see their own file",
         when=lambda f: f.requester == "the_person" and f.information == "case_file", cites=("3a",),
         decision="share", urgency="soon", title="You can show them their file",
         steps=("Anyone can look at their own file at any time.",
                "Show it to them in private. Do not show them anything about other people.",
                "If they want a copy, tell {manager}: the law says they must have it within one month."),
         actions=("share_minimum",)),
    Rule(name="own_information", summary="The person asks about their own information",
         when=lambda f: f.requester == "the_person", cites=("1",),
         decision="share", urgency="soon", title="You can share it with them: it is their own information",
         steps=("Tell them in private. Do not pass on anything about other people.",),
         actions=("share_minimum",)),
    Rule(name="within_team", summary="Someone in the group asks about a guest's situation or file",
         when=lambda f: f.requester in INSIDE and not f.personal, cites=("2",),
         decision="share", urgency="soon", title="You can share it: they work with us",
         steps=("Confidentiality is with {name}, not with one worker. So you can share {what} with {who}.",
                "Share only what they need to help the person, where others cannot overhear."),
         actions=("share_minimum",)),
    Rule(name="permission_given_inside", summary="Someone in the group asks, and the person said yes",
         when=lambda f: f.requester in INSIDE and f.consent in EXPRESS and f.personal, cites=("1",),
         decision="share", urgency="soon", title="You can share it: they gave permission",
         steps=("They said yes, so you can share {what} with {who}.", "Share only what they agreed to.",
                "Write down that they agreed, how and when."),
         actions=("share_minimum",)),

    # Notes: they never decide; they add a clause and a reminder whenever they hold.
    Rule(name="check_identity", summary="Before sharing with someone outside the group: check it is really them",
         when=lambda f: f.checkable and not f.confirmed, cites=(), only_with=("share",),
         note=("Check it is really them before you share. {how_to_check}",), note_actions=("check_identity",),
         note_first=True),
    Rule(name="caller_unknown", summary="Someone you do not know asks about a guest",
         when=lambda f: f.requester in ("professional", "public") and f.about == "service_user" and not f.confirmed,
         cites=("1",),
         note=("Until you know who is asking, do not say whether the person uses our service.",),
         note_actions=("do_not_confirm_they_use_service",)),
    Rule(name="at_risk_outsider", summary="Someone outside the group asks while a child or vulnerable adult is at risk",
         when=lambda f: "child_or_vulnerable_adult_at_risk" in f.circumstances and f.requester in (
             "professional", "public"), cites=(),
         note=("Give {who} nothing yourself: they could be the danger. {safeguarding_lead} decides who needs to "
               "know.",), note_first=True),
    # Be open with the person (HM Government advice on information sharing), never about terrorism (tipping off).
    Rule(name="tell_them_if_safe", summary="Something may be shared to keep someone safe, and it is not about terrorism",
         when=lambda f: not f.terrorism and (f.at_risk or "safeguarding" in f.circumstances
                                             or f.consent == "refused" and bool(f.circumstances)),
         cites=(), only_with=("safeguarding", "refer_to_manager", "do_not_share", "pass_to_person_in_authority"),
         note=("If anything is shared to keep someone safe, be open with the person: tell them what and why, "
               "unless that would put anyone at more risk.",), note_actions=("tell_them_if_safe",)),
    Rule(name="personal_details", summary="The request is for a home address, route home, phone number or social media",
         when=lambda f: f.details, cites=("9",),
         note=("Never give out a home address, route home, phone number or social media account without the "
               "person's clear yes. The only exception is to keep someone safe from serious harm.",)),
    Rule(name="photos", summary="The request is for a photo or video",
         when=lambda f: f.information == "photo_video", cites=("4a",),
         note=("Photos and videos need the express permission of the person in them; for a child, "
               "a parent's too. Online, never add names or location tags.",)),
    Rule(name="case_files", summary="The request is for a case file",
         when=lambda f: f.information == "case_file", cites=("3",),
         note=("We keep case files only if we follow data protection law, and we keep them secure.",)),
    Rule(name="workers_too", summary="The information is about a staff member or volunteer",
         when=lambda f: f.about == "worker", cites=("1a",),
         note=("Staff and volunteers' information is protected in the same way.",)),
)
