"""Sharing: the questions, in the order the page asks them, and when each one is asked."""
from __future__ import annotations

from ..model import Option, Question

INSIDE = ("colleague", "partner_agency")  # clause 2: the circle of confidentiality
OUTSIDE = ("professional", "public", "social_media")  # clause 4: recorded consent first
RECORDED = ("signed_form", "email_to_authority")  # clause 4: consent that counts outside
CHECKABLE = ("professional", "public", "police", "the_person", "emergency_services")  # may not be who they say

QUESTIONS: tuple[Question, ...] = (
    Question(id="about", prompt="Whose information is it?", options=(
        Option("service_user", "Someone who uses our service (a guest)"),
        Option("worker", "A staff member or volunteer"),
    )),
    Question(id="requester", prompt="Who wants it?", options=(
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
        Option("emergency_services", "999 services in an emergency",
               "Paramedics, an ambulance, a crisis team, or police who came because of a 999 call."),
    )),
    Question(id="information", prompt="What do they want?", options=(
        Option("case_details", "Their situation, needs or the support they get"),
        Option("contact_details", "Personal details: home address, route home, phone number or social media"),
        Option("case_file", "Their case file"),
        Option("photo_video", "A photo or video of them"),
    )),
    Question(id="consent", prompt="Has the person agreed to this?", options=(
        Option("signed_form", "Yes, they signed our consent form"),
        Option("email_to_authority", "Yes, in an email to someone with authority in our group"),
        Option("email_other", "Yes, in writing, but not to someone with authority",
               "For example a text message, or an email to a volunteer."),
        Option("verbal", "Yes, but only by saying so"),
        Option("not_asked", "We have not asked them"),
        Option("refused", "No, or they asked us not to share"),
    ), when={"requester": INSIDE + OUTSIDE}, not_asked={
        "requester=police": "Consent does not change this: police requests always go to {person_with_authority}.",
        "requester=court": "Consent does not change this: a court's request always goes to {manager}.",
        "requester=the_person": "It is their own information: they do not need to agree to see it.",
        "requester=emergency_services": "Consent is not needed to save a life or to get someone urgent help.",
    }),
    Question(id="consent_names_recipient", prompt="Does their consent cover exactly this?", options=(
        Option("yes", "Yes, it names who is asking, and this use"),
        Option("no", "No, or it only says 'partner agencies'"),
    ), hint="For personal details, it must name who is asking. For a photo or video to post online, it "
            "must say it may be posted. Since version 1.1 of the policy, a professional must be named too. "
            "Not sure? Leave this: the answer tells you what to check.",
        required=False, when={"requester": OUTSIDE, "consent": RECORDED}, not_asked={
        "consent=email_other": "Their consent is not recorded yet, so what it names does not matter yet.",
        "consent=verbal": "Their consent is not recorded yet, so what it names does not matter yet.",
        "consent=not_asked": "They have not been asked yet, so there is no consent to check.",
        "consent=refused": "They said no, so there is no consent to check.",
    }),
    Question(id="identity", prompt="Do you know it is really them?", options=(
        Option("confirmed", "Yes, I know them, or I checked",
               "For example, you called their office back on a number you looked up yourself, "
               "or a 999 crew is here in person."),
        Option("not_confirmed", "No, or not yet"),
    ), hint="Callers sometimes pretend to be family or a professional to find someone. "
            "Not sure? Leave this: the answer tells you how to check.",
        required=False, when={"requester": CHECKABLE}, not_asked={
        "requester=colleague": "You know who your colleagues are.",
        "requester=partner_agency": "Partner-agency workers work here regularly: you know who they are.",
        "requester=court": "A court's request comes in writing and goes to {manager}, who checks it.",
        "requester=social_media": "Nobody is asking: this is about posting online.",
    }),
    Question(id="circumstances", prompt="Do any of these apply?", options=(
        Option("urgent_medical", "Someone needs urgent medical treatment"),
        Option("risk_of_harm", "There is evidence they may seriously harm themselves or others"),
        Option("safeguarding", "There are safeguarding concerns"),
        Option("drug_dealing", "Someone is dealing drugs within the service"),
        Option("court_required", "A worker has to appear in court"),
        Option("terrorism", "The information is about an act of terrorism"),
        Option("child_or_vulnerable_adult_at_risk", "A child or vulnerable adult may be at risk of significant harm"),
    ), hint="Tick all that apply. Leave them all unticked if none do.", multi=True),
)
