"""The route's pages: each question of a checker on a page of links, ending in the checker's answer.

The graph comes from handbook/answers/route.py; this module puts it in the group's words, as short
Markdown pages under all-answers/<checker>/ (the first question at all-answers/<checker>/, where the
forms and the old "All answers" page have always linked). Every page is left out of search: thousands
of near-identical pages would bury the handbook's own. An answer page shows what the checker shows for
the answers chosen: the title (carrying data-decision, data-urgency and data-cites, as the form's answer
does), the risk, the steps and the clauses; after "the first of these that applies", also what each later
one would add. It cannot know the reader's answers (nothing is sent or kept), so "Write it down" asks for
them rather than repeating them (the checker's record lines repeat them), and names the form to use.
"""
from __future__ import annotations

import yaml

import checkers
from checkers.clauses import cited, clause_word
from checkers.model import URGENCIES

from ..policy.placement import clause_link
from ..answers.route import Ask, End, Route, build_route, end_answers, verdict
from ..templating import text
from .downloads import download_links
from .links import Links

FOLDER = "all-answers"
START_AGAIN = "[Start again](index.md)"
# Said on each route's first page: the answers here are page visits, not kept in the page as the checker's are.
VISITS = ("Each answer is a new page, like any link. Your browser keeps these pages in its history, "
          "and the host of this website can see which pages were opened.")


def route_pages(checker_id: str, group: dict, version: str, *, hidden: dict[str, tuple[str, ...]] | None = None,
                downloads: dict[str, int] | None = None, style: str = "output") -> dict[str, str]:
    """Every page of one checker's route: path under docs/ -> Markdown, in the group's words (escaped here)."""
    route = build_route(checker_id, version, hidden)
    paths = {node_id: _path(route, node_id) for node_id in route.nodes}
    decide = checkers.CHECKERS[checker_id].decide
    results = {node_id: decide(end_answers(node), group, version)
               for node_id, node in route.nodes.items() if isinstance(node, End)}
    below = _answers_below(route, results)
    pages = {}
    for node_id, node in route.nodes.items():
        page = Page(route, paths, paths[node_id], group, version, downloads or {}, style)
        lines = page.ask(node, below[node_id]) if isinstance(node, Ask) else page.end(node, results[node_id])
        pages[paths[node_id]] = "\n".join(lines)
    return pages


def _answers_below(route: Route, results: dict) -> dict[str, frozenset]:
    """Each page's (title, urgency) of every answer a reader can reach from it."""
    below: dict[str, frozenset] = {}

    def walk(node_id: str) -> frozenset:
        if node_id not in below:
            if node_id in results:
                below[node_id] = frozenset({(results[node_id].title, results[node_id].urgency)})
            else:
                below[node_id] = frozenset().union(*(walk(target) for _, target in route.nodes[node_id].choices))
        return below[node_id]

    walk(route.start)
    return below


def front_matter(title: str | None = None) -> list[str]:
    """Out of search; an answer's title given escaped, for the page's <title> takes it as it is."""
    meta = {"search": {"exclude": True}, **({"title": title} if title else {})}
    return ["---", yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000).rstrip(), "---", ""]


def _path(route: Route, node_id: str) -> str:
    name = "index" if node_id == route.start else node_id
    return f"{FOLDER}/{route.checker_id}/{name}.md"


class Page:
    """One page of a route, written from the page's own place (its links are relative to it)."""

    def __init__(self, route: Route, paths: dict[str, str], path: str, group: dict, version: str,
                 downloads: dict, style: str):
        self.route, self.paths, self.path, self.group, self.version = route, paths, path, group, version
        self.downloads, self.style = downloads, style
        self.checker = checkers.CHECKERS[route.checker_id]

    def link(self, label: str, node_id: str) -> str:
        return f"[{text(label)}]({self.paths[node_id].rsplit('/', 1)[1]}){{ .hb-route__option }}"

    def ask(self, node: Ask, below: frozenset) -> list[str]:
        """A question page; when every answer from here is one urgent answer, that answer comes first."""
        question = node.question
        first = self.path.endswith("/index.md")
        lines = front_matter() + ([f"# {text(self.checker.title)}", "", "Answer one question at a time. Each answer is a link.",
                             "", VISITS, "", f"## {text(question.prompt)}"] if first else [f"# {text(question.prompt)}"])
        lines.append("")
        [(title, urgency)] = below if len(below) == 1 else [(None, None)]
        if urgency == URGENCIES[0]:
            lines += [f"**Do this first: {text(title)}.** The questions from here only add to what comes after.", ""]
        if node.first_of:  # the form's hint speaks of ticking boxes
            lines += ["If more than one applies, choose the first one on this list.", ""]
        elif question.hint:  # the form's hint says to leave an optional question; here that is a link
            lines += [text(question.hint.replace("Not sure? Leave this:", "Not sure? Choose “Not sure”:")), ""]
        for option_id, target in node.choices:
            if option_id is None:
                lines += [f"- {self.link(_none(node), target)}", ""]
                continue
            option = next(o for o in question.options if o.id == option_id)
            lines += [f"- {self.link(option.label, target)}", ""] + ([f"    {text(option.hint)}", ""] if option.hint else [])
        return lines + ([] if first else [START_AGAIN, ""]) + [self.home(), ""]

    def end(self, node: End, result) -> list[str]:
        """An answer page: `result` is the checker's answer to the answers that reach it."""
        answers = end_answers(node)
        data = f'data-decision="{result.decision}" data-urgency="{result.urgency}" data-cites="{" ".join(result.cites)}"'
        # The title in the tab and the history is the same for every answer: it does not tell what was decided.
        lines = front_matter(f"An answer: {text(self.checker.title)}") + [
            f"# {text(result.title)} {{ .hb-route-answer {data} }}", ""]
        lines += self.sooner(node, result)
        if result.assessment:
            lines += [f"**The risk:** {text(verdict(result.assessment))}.", ""]
        lines += [f"{n}. {text(step)}" for n, step in enumerate(result.steps, 1)]
        lines += ["", f"**Why:** {self.clauses(result.cites)}", ""]
        lines += self.also(node, answers, result)
        lines += self.write_it_down(result)
        return lines + [START_AGAIN, "", self.home(), ""]

    def home(self) -> str:
        """These pages carry no site navigation (pages/route_template.py): the way back, in words."""
        return f"[Back to the handbook]({'../' * self.path.count('/')}index.md)"

    def sooner(self, node: End, result) -> list[str]:
        """Later options that would make the answer more urgent, named under the title: a reader must not
        have to find "call 999" in a fold at the foot of the page."""
        labels = [text(self.multi(option_id).label(option_id)) for option_id, *_, urgency in node.also
                  if URGENCIES.index(urgency) < URGENCIES.index(result.urgency)]
        if not labels:
            return []
        return ['!!! danger "Act now if any of these is also true"', "", *[f"    - {label}" for label in labels], "",
                "    What to do is under [If more than one applied](#if-more-than-one-applied), below.", ""]

    def multi(self, option_id: str):
        """The "first of these that applies" question an option of `End.also` belongs to."""
        return next(q for q in self.checker.questions if q.multi and option_id in q.option_ids())

    def clauses(self, cites) -> str:
        return f"{clause_word(len(cites))} " + ", ".join(f"[{cid}]({clause_link(cid, self.path)})" for cid in cites)

    def also(self, node: End, answers: dict, result) -> list[str]:
        """What each option after the one chosen would change, had it applied too: its rules' notes and
        clauses, a note it takes away, and the answer's new title when it makes the answer more urgent."""
        rules = {rule.name: rule for rule in self.checker.rules}
        items = []
        for option_id, added, removed, urgency in node.also:
            if not added and not removed:
                continue
            question = self.multi(option_id)
            both = {**answers, question.id: answers[question.id] + [option_id]}
            more = self.checker.decide(both, self.group, self.version)
            notes = {note for name in added for note in rules[name].note}
            templates = self.checker.outcome(both, self.version).steps  # one template for each step said
            said = [text(step) for step, template in zip(more.steps, templates) if template in notes]
            said += self.taken_away(question, answers, option_id, node, removed, result.steps)
            if more.title != result.title:
                said.append(f"The answer is then: {text(more.title)}.")
            cites = [cid for cid in more.cites if cid not in result.cites]
            said += [f"Also {self.clauses(cites)}."] if cites else []
            label = text(question.label(option_id))
            items += [f'<details class="hb-route-also" markdown="1"><summary>{label}</summary>', "",
                      " ".join(_without_label(label, said)), "", "</details>", ""]
        if not items:
            return []
        return ["## If more than one applied", "", "If any of these applied too, open it and do that as well.",
                ""] + items

    def taken_away(self, question, answers: dict, option_id: str, node: End, removed: tuple,
                   shown: tuple) -> list[str]:
        """The notes a later option cancels, as the reader saw them: in the answer's steps, or under
        another option on this page (then named as such, for a reader who did not tick that one)."""
        if not removed:
            return []
        notes = {note for rule in self.checker.rules if rule.name in removed for note in rule.note}
        others = [option for option, *_ in node.also if option != option_id]
        rest = {**answers, question.id: answers[question.id] + others}
        said = self.checker.decide(rest, self.group, self.version).steps
        templates = self.checker.outcome(rest, self.version).steps
        return [f"Then do not follow “{text(step)}”" if step in shown else
                f"If another of these says “{text(step)}”, do not follow that."
                for step, template in zip(said, templates) if template in notes]

    def write_it_down(self, result) -> list[str]:
        lines = ["## Write it down", "",
                 "This page does not know your answers, and keeps nothing. Write down:", "",
                 "- the date and time, and your answers to the questions on the way here",
                 f"- the answer: “{text(result.title)}”"]
        if result.assessment:
            lines.append(f"- the risk: {text(verdict(result.assessment))}")
        # linked under "Why:" above; written down here
        lines += [f"- why: {cited(result.cites)} (policy version {text(self.version)})",
                  "- who decided, and when", ""]
        form = self.checker.paper_form  # where to write the answer down
        if form and any(name.startswith(f"{form}.") for name in self.downloads):
            lines += [str(download_links(form, self.downloads, Links(self.path, self.style).raw_root)), ""]
        return lines


def _without_label(label: str, said: list[str]) -> list[str]:
    """A note often opens with the option's own words ("Someone needs urgent medical treatment: call
    999 now"); under that option's heading they would be said twice."""
    if said and said[0].startswith(f"{label}: "):
        rest = said[0][len(label) + 2:]
        return [rest[:1].upper() + rest[1:], *said[1:]]
    return said


def _none(node: Ask) -> str:
    """The link that leaves a question unanswered."""
    return "None of these" if node.first_of and node.question.required else "Not sure"
