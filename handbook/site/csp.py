"""A strict Content-Security-Policy for each page, listing the hashes of the theme's own inline scripts.

Material (and Zensical) ship small inline scripts, one of whose texts varies with the page's depth
(`new URL("../..", location)`). Only those scripts are allowed: THEME_SCRIPTS is a fixed list,
copied from the theme's templates (a test compares it with the installed theme), and a page's
inline script is hashed into its policy only when its text is one of them, with a base written as
dots and slashes. Whatever else a page carries (a `<script>` a group wrote into its policy text,
or one a changed cache entry put there) is never hashed, so the browser refuses to run it.

Inline styles are forbidden too (`style-src 'self'`): the handbook's pages carry none (tables
align with `align=`, the What changed page's rules are in handbook.css), and Material's scripts
style elements only through the CSSOM (`element.style`), which a CSP does not govern; a browser
test collects every violation while searching, scrolling, answering a checker and opening the
menu. One exception, for Zensical only: its search dialog puts a <style> element, made by its
script, into a shadow root, and without 'unsafe-inline' the search opens unstyled; the text of
that <style> lives inside its minified script, so it cannot be hashed here safely. Sites built
with Zensical therefore allow inline styles (never inline scripts) until Zensical ships that
style as a file.
"""
from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", re.DOTALL)

# The theme's inline scripts, word for word, as in partials/javascripts/{base,content,palette}.html of
# Material 9.x and Zensical; {base} is the page's way up to the site's root.
THEME_SCRIPTS = (
    'var target=document.getElementById(location.hash.slice(1));target&&target.name&&'
    '(target.checked=target.name.startsWith("__tabbed_"))',
    '__md_scope=new URL("{base}",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
    '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
    '__md_set=(e,_,t=localStorage,a=__md_scope)=>{{try{{t.setItem(a.pathname+"."+e,JSON.stringify(_))}}catch(e){{}}}}',
    '__md_scope=new URL("{base}",location),__md_scope.pathname.endsWith("/")||(__md_scope=new URL('
    '__md_scope.pathname+"/",location)),__md_hash=e=>[...e].reduce(((e,t)=>(e<<5)-e+t.charCodeAt(0)),0),'
    '__md_get=(e,t=localStorage,_=__md_scope)=>JSON.parse(t.getItem(_.pathname+"."+e)),'
    '__md_set=(e,t,_=localStorage,a=__md_scope)=>{{try{{_.setItem(a.pathname+"."+e,JSON.stringify(t))}}'
    'catch(e){{}}}},document.documentElement.setAttribute("data-platform",navigator.platform)',
    # the colour scheme a reader chose (palette.html): Zensical's pages carry it
    'var palette=__md_get("__palette");if(palette&&palette.color){{if("(prefers-color-scheme)"===palette.'
    'color.media){{var media=matchMedia("(prefers-color-scheme: light)"),input=document.querySelector(med'
    'ia.matches?"[data-md-color-media=\'(prefers-color-scheme: light)\']":"[data-md-color-media=\'(prefers-c'
    'olor-scheme: dark)\']");palette.color.media=input.getAttribute("data-md-color-media"),palette.color.s'
    'cheme=input.getAttribute("data-md-color-scheme"),palette.color.primary=input.getAttribute("data-md-c'
    'olor-primary"),palette.color.accent=input.getAttribute("data-md-color-accent")}}for(var[key,value]of'
    ' Object.entries(palette.color))document.body.setAttribute("data-md-color-"+key,value)}}',
)
_BASE = r"(?:\.|/|\.\.(?:/\.\.)*)/?"  # ".", "/", "..", "../..": never an address of another site
_TRUSTED = re.compile("|".join(re.escape(script.format(base="\0")).replace(re.escape("\0"), _BASE)
                               for script in THEME_SCRIPTS))
# mike's redirect pages (the site's root and each alias: handbook/site/publish.py), word for word, and
# the refresh they keep for readers without JavaScript; {base} is a version's folder ("1.1/", "../1.1/"), or a
# page in it (an alias's own pages: "../../1.1/can-i-share/"); never an address of another site.
REDIRECT_SCRIPTS = (
    '\n    window.location.replace("{base}");\n  ',
    '\n    window.location.replace(\n      "{base}" + window.location.search + window.location.hash\n    );\n  ',
)
_VERSION = r"(?:\.\./)*[\w.-]+/(?:[\w.-]+/)*"  # a version's folder, and a page in it: "../../1.1/can-i-share/"
_REDIRECTS = re.compile("|".join(re.escape(script.format(base="\0")).replace(re.escape("\0"), _VERSION)
                                 for script in REDIRECT_SCRIPTS))
_REFRESH = re.compile(r"<meta\b[^>]*\bhttp-equiv\s*=\s*[\"']?\s*refresh\b[^>]*>", re.IGNORECASE)
_REDIRECT_REFRESH = re.compile(rf'<meta http-equiv="refresh" content="1; url={_VERSION}" />')
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)

POLICY = (
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval' {hashes}",
    "style-src 'self'{inline_styles}",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)

# A page with no script at all (the route pages: about 2,400 of a site's 2,550): no script may run on it,
# and the directives that only scripts use fall back to default-src. Safer, and some 150 bytes a page.
SCRIPT_FREE = (
    "default-src 'self'",
    "script-src 'none'",
    "style-src 'self'{inline_styles}",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)
_SCRIPT = re.compile(r"<script\b", re.IGNORECASE)


def trusted(script: str, *, redirect: bool = False) -> bool:
    """True only for one of the theme's own inline scripts (THEME_SCRIPTS), whatever page it is on, or
    on a redirect page, mike's own (REDIRECT_SCRIPTS)."""
    return _TRUSTED.fullmatch(script) is not None or redirect and _REDIRECTS.fullmatch(script) is not None


def script_hashes(html: str, *, redirect: bool = False) -> list[str]:
    """The hashes of the page's inline scripts that are the theme's own; any other inline script stays out."""
    digests = {hashlib.sha256(body.encode("utf-8")).digest() for body in _INLINE_SCRIPT.findall(html)
               if trusted(body, redirect=redirect)}
    return sorted(f"'sha256-{base64.b64encode(digest).decode()}'" for digest in digests)


def protect(html: str, *, inline_styles: bool = False, redirect: bool = False) -> str:
    """Insert the policy as the first thing after the charset, before any script it governs. A refresh
    (`<meta http-equiv="refresh">`, which no policy can forbid) is taken out: the handbook's pages have
    none, so one can only send readers off the site; a redirect page keeps mike's, to a version folder."""
    html = _REFRESH.sub(lambda found: found[0] if redirect and _REDIRECT_REFRESH.fullmatch(found[0]) else "", html)
    policy = "; ".join(POLICY if _SCRIPT.search(html) else SCRIPT_FREE).format(hashes=" ".join(script_hashes(html, redirect=redirect)),
                                      inline_styles=" 'unsafe-inline'" if inline_styles else "")
    policy = policy.replace("  ", " ").strip()
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    found = _CHARSET.search(html)
    if found is None:
        return html.replace("<head>", f"<head>{meta}", 1)
    return html[: found.end()] + meta + html[found.end():]
