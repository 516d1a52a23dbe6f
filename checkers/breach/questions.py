"""Breach: the questions, in the order the page (and the breach report form) asks them, and when each is asked.

Safety first: "Could it put someone in physical danger?" comes straight after "What happened?".
The facts that decide the risk (what kind of information, how many people, children or vulnerable
adults, whether it was got back) are asked whenever personal information may be involved, whatever
the reason it happened: a lawful reason to share does not make a mis-delivery, a loss or a post lawful.
Every fact is optional; left unanswered it means "not sure" (UNANSWERED).
"""
from __future__ import annotations

from ..model import Option, Question

JUSTIFIED = ("protect_someone", "exceptional")  # reasons the policy allows (clauses 5, 6)
GOT_OUT = ("told_someone", "sent_to_wrong_person", "posted_online", "records_lost_or_seen", "shared_on_purpose",
           "cannot_access", "other")  # every "what happened" but a near miss
# What can be got back, deleted unread or locked: not words said out loud, not a post anyone could see, not
# records that could not be used (nothing went anywhere). DOMAIN, round 3: "some things cannot be got back".
CONTAINABLE = ("sent_to_wrong_person", "records_lost_or_seen", "shared_on_purpose", "other")
NEVER_CONTAINED = {
    "what_happened=told_someone": "Something said out loud cannot be got back, so it counts as not got back.",
    "what_happened=posted_online": "A post that anyone could see cannot be got back, so it counts as not got back.",
    "what_happened=cannot_access": "Nothing went to anyone: what matters is whether the wait could harm anyone.",
}
NEAR_MISS_REASON = "Nothing got out, so there is no risk to people to judge."
NO_PERSONAL_REASON = "No personal information was involved, so there is no risk to people to judge."
FACTS_WHEN = {"what_happened": GOT_OUT, "personal_data": ("yes", "not_sure")}
FACTS_NOT_ASKED = {"what_happened=near_miss": NEAR_MISS_REASON, "personal_data=no": NO_PERSONAL_REASON}
# An unanswered optional question means this option (for `data`, nothing ticked means not known).
UNANSWERED = {"danger": "not_sure", "contained": "not_sure", "delay_harm": "not_sure", "people": "not_sure",
              "vulnerable": "not_sure", "risk": "not_sure"}
YES_NO_NOT_SURE = (Option("yes", "Yes"), Option("no", "No"), Option("not_sure", "Not sure"))

QUESTIONS: tuple[Question, ...] = (
    Question(id="who", prompt="Who did it?", options=(
        Option("me", "I did"),
        Option("someone_else", "Someone else did"),
    )),
    Question(id="reason", prompt="Why did it happen?", options=(
        Option("protect_someone", "To keep a child or vulnerable adult safe (safeguarding)",
               "They were at risk of harm or abuse."),
        Option("exceptional", "For another exceptional reason in our policy",
               "Urgent medical treatment, a risk of serious harm, drug dealing in the service, a court, "
               "or terrorism."),
        Option("none", "By mistake, or without a good reason"),
        Option("not_sure", "I don't know", "For example, someone else did it and you do not know why."),
    )),
    Question(id="what_happened", prompt="What happened?", options=(
        Option("told_someone", "Someone was told something they should not know",
               "In person, on the phone or in a message."),
        Option("sent_to_wrong_person", "Something was sent to the wrong person", "An email, letter, text or message."),
        Option("posted_online", "Something was posted online"),
        Option("records_lost_or_seen", "Records were lost, or seen by someone who should not see them",
               "Papers, a phone, a laptop or a memory stick."),
        Option("shared_on_purpose", "It was passed on on purpose, without the person's agreement",
               "For example to social services, the police, a doctor or another agency."),
        Option("cannot_access", "Records could not be used for a while",
               "For example a computer system was down, a virus locked the files, or a password was lost."),
        Option("other", "Something else"),
        Option("near_miss", "Nothing got out: it was stopped in time",
               "A near miss. For example, an email to the wrong person was caught before it was sent."),
    )),
    Question(id="danger", prompt="Could it put someone in physical danger?", options=(
        Option("yes", "Yes, it could",
               "For example, a new address reaching someone they are hiding from, or where they will be "
               "posted online."),
        Option("no", "No"),
        Option("not_sure", "Not sure"),
    ), hint="Think of a home address, a phone number, or where someone will be.",
        required=False, when={"what_happened": GOT_OUT},
        not_asked={"what_happened=near_miss": "Nothing got out, so nobody can be put in danger by it."}),
    Question(id="personal_data", prompt="Was personal information involved?", options=YES_NO_NOT_SURE,
             hint="Anything about a person that could identify them or help someone find them: a name, an "
                  "address, a photo, where they will be, their situation or needs.",
             when={"what_happened": GOT_OUT},
             not_asked={"what_happened=near_miss": "Nothing got out, so no personal information got out."}),
    Question(id="contained", prompt="Has it been got back, or kept safe?", options=(
        Option("yes", "Yes: got back, deleted unread by someone we trust, or locked",
               "Someone we trust: for example another professional who must keep it confidential. Locked: "
               "protected by a password or encryption that was not shared. Something said out loud, or a post "
               "that anyone could have seen, cannot be got back."),
        Option("no", "No, or it cannot be got back",
               "For example, it was said out loud, posted online, or sent to someone we do not know."),
        Option("not_sure", "Not sure yet"),
    ), required=False, when={"what_happened": CONTAINABLE, "personal_data": ("yes", "not_sure")},
        not_asked={**FACTS_NOT_ASKED, **NEVER_CONTAINED}),
    Question(id="delay_harm", prompt="While the records could not be used, could anyone come to harm?", options=(
        Option("yes", "Yes, it could", "For example their care, food, money or support was late or stopped."),
        Option("no", "No: they were back soon, and nobody's help was held up"),
        Option("not_sure", "Not sure yet"),
    ), required=False, when={"what_happened": ("cannot_access",), "personal_data": ("yes", "not_sure")},
        not_asked=FACTS_NOT_ASKED),
    Question(id="data", prompt="What kind of information was it?", multi=True, options=(
        Option("contact_details", "Contact details: addresses, phone numbers or emails"),
        Option("health_or_sensitive", "Health or other sensitive information",
               "Health, mental health, sexuality, religion, ethnicity, immigration, or a criminal record."),
        Option("money_or_id", "Money or ID: bank details, benefits, ID documents or dates of birth"),
        Option("logins", "Passwords or log-ins"),
        Option("case_notes", "Case notes: their situation and the support they get"),
        Option("names_only", "Names only, or only that they use our service"),
    ), hint="Tick all that apply. Not sure? Leave them all unticked.",
        required=False, when=FACTS_WHEN, not_asked=FACTS_NOT_ASKED),
    Question(id="people", prompt="How many people is it about?", options=(
        Option("one", "One person"), Option("few", "2 to 10 people"), Option("many", "More than 10 people"),
        Option("very_many", "More than 1,000 people"),
        Option("not_sure", "Not sure"),
    ), required=False, when=FACTS_WHEN, not_asked=FACTS_NOT_ASKED),
    Question(id="vulnerable", prompt="Are any of them children or vulnerable adults?", options=YES_NO_NOT_SURE,
             hint="A vulnerable adult may not be able to protect themselves, for example because of illness, "
                  "disability, age or their situation.",
             required=False, when=FACTS_WHEN, not_asked=FACTS_NOT_ASKED),
    Question(id="risk", prompt="Could it harm the people it is about?", options=(
        Option("unlikely", "It is unlikely to harm them"),
        Option("likely", "It could harm them"),
        Option("high", "It could seriously harm them",
               "For example put them in danger, cause them to lose money, or cause serious distress."),
        Option("not_sure", "Not sure"),
    ), hint="Your own view, if you have one. It can make the answer more careful, never less careful than the "
            "facts above.",
        required=False, when=FACTS_WHEN, not_asked=FACTS_NOT_ASKED),
)
