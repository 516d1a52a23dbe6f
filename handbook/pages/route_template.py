"""The route's own page template: the group's name and colour, a way back, the answer, whose policy it is.

The route's 2,000 pages are read without JavaScript, on phones and on paper. Put in the theme's frame, each
carried the whole site navigation (11 KB a page, 23 MB a site); in this template a page is its content and
under 1 KB more, the same for every site generator. The template's values come from the generator's settings
(`extra.handbook`, escaped when the group file was read).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from string import Template

from ..group.brand import on_dark

HERE = Path(__file__).parent
TEMPLATE = Template((HERE / "route_template.html").read_text(encoding="utf-8"))
STYLESHEET = "assets/route.css"
DEFAULT_COLOUR = "#00564d"  # the handbook's own (docs/assets/handbook.css)
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_BETWEEN_TAGS = re.compile(r">\n+<")


@dataclass(frozen=True)
class RouteTemplate:
    words: dict  # the generator's `extra.handbook` settings

    @classmethod
    def from_settings(cls, settings: dict) -> RouteTemplate:
        return cls(dict(settings.get("extra", {}).get("handbook", {})))

    def page(self, depth: int, title: str, html: str) -> str:
        """A page `depth` folders below the site's root (its title already escaped, as the theme takes it).
        Line breaks between tags are left out (a twentieth of a page, and no reader sees them), and so are the
        end tags of body and html, which HTML allows."""
        hb = self.words
        page = TEMPLATE.substitute(
            root="../" * depth, stylesheet=STYLESHEET, title=title, html=html, short_name=hb.get("short_name", ""), name=hb.get("name", ""),
            version=hb.get("version", ""), contact=self.contact(),
            review=f' · next review due {hb["review_due"]}' if hb.get("review_due") else "",
            announce=self.announce())
        return _BETWEEN_TAGS.sub("><", page)

    def contact(self) -> str:
        hb, contact = self.words, self.words.get("contact", {})
        said = [f"Not sure? Ask the {hb.get('manager', 'manager')}"]
        if contact.get("phone"):
            said.append(f'phone <a href="{hb.get("phone_link", "")}">{contact["phone"]}</a>')
        if contact.get("email"):
            said.append(f'email <a href="mailto:{contact["email"]}">{contact["email"]}</a>')
        if contact.get("address"):
            said.append(contact["address"])
        return " · ".join(said)

    def announce(self) -> str:
        hb = self.words
        if not hb.get("due_for_review"):
            return ""
        return (f'<p class="handbook-review-due"><strong>Due for review.</strong> This policy was due for review on '
                f'{hb.get("review_due")}. Check with the {hb.get("manager")} that it is still the version in force.</p>\n')

    def stylesheet(self) -> str:
        """The template's style, in the group's colour (a whole #rrggbb colour, or the handbook's own)."""
        colour = self.words.get("colour") or ""
        colour = colour if _COLOUR.fullmatch(colour) else DEFAULT_COLOUR
        return (f":root {{ --hb-colour: {colour}; --hb-colour-on-dark: {on_dark(colour)}; }}\n"
                + (HERE / "route.css").read_text(encoding="utf-8"))
