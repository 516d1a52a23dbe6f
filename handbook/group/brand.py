"""A group's own colour and logo, checked so the handbook stays readable (WCAG 2.2 AA) and safe."""
from __future__ import annotations

import io
import re
from pathlib import Path

from ..errors import HandbookError
from ..untrusted import read_bytes

COLOUR = re.compile(r"#[0-9a-fA-F]{6}")  # matched whole: "#00564d\n" would reach the CSS and the manifest
LOGO_TYPES = (".png", ".jpg", ".jpeg", ".webp")  # not SVG: a picture file must not be able to run a script
LOGO_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP"}  # what the file must hold
LOGO_LIMIT = 200 * 1024
LOGO_SIDE = 2000  # pixels: a header logo is shown about 48 high; a 40,000 x 40,000 picture would stall a phone
AA = 4.5  # normal text: the colour is used for links and buttons on white, and behind white in the header
# The dark colour scheme's lighter background (Material's slate code blocks and answer boxes, hsl(225 15% 18%));
# its page background (#1e2129) is darker still, so a colour that passes against this passes on both.
DARK_BACKGROUND = "#272a35"


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_with_white(hex_colour: str) -> float:
    return 1.05 / (_luminance(hex_colour) + 0.05)


def contrast(one: str, other: str) -> float:
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def on_dark(hex_colour: str) -> str:
    """The group's colour for links and outlines in the dark colour scheme: its nearest lighter tint that
    passes AA against the dark backgrounds (the header keeps the colour itself, behind white)."""
    channels = [int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)]
    while True:
        candidate = "#" + "".join(f"{c:02x}" for c in channels)
        if contrast(candidate, DARK_BACKGROUND) >= AA:
            return candidate
        channels = [min(255, round(c + (255 - c) * 0.05) + 1) for c in channels]


def darker(hex_colour: str) -> str:
    """The nearest darker shade that passes AA against white (the suggestion in the error)."""
    channels = [int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)]
    while True:
        candidate = "#" + "".join(f"{c:02x}" for c in channels)
        if contrast_with_white(candidate) >= AA:
            return candidate
        channels = [int(c * 0.95) for c in channels]


def check_colour(value: str) -> str:
    if not COLOUR.fullmatch(value):
        raise ValueError("expected a colour written like #00564d (a # and six letters or digits)")
    ratio = contrast_with_white(value)
    if ratio < AA:
        raise ValueError(f"{value} is too light to read against white ({ratio:.1f} to 1; at least {AA} is needed). "
                         f"Try {darker(value)}, a darker shade of it")
    return value.lower()


def check_logo(group_dir: Path, value: str) -> Path:
    """The logo file beside group.yml: a picture of a type browsers show, not too large."""
    path = group_dir / value
    if not (group_dir / value).resolve().is_relative_to(group_dir.resolve()):
        raise ValueError("the logo must be a file in your group's folder")
    if path.suffix.lower() not in LOGO_TYPES:
        raise ValueError(f"expected a picture file ending in {', '.join(LOGO_TYPES)}")
    try:
        data = read_bytes(path, limit=LOGO_LIMIT, what="logo", inside=group_dir)
    except HandbookError as error:
        if f"at most {LOGO_LIMIT:,}" in str(error):
            raise ValueError(f"the logo is over {LOGO_LIMIT // 1024} KB; at most {LOGO_LIMIT // 1024} KB, "
                             "so pages stay quick on a phone") from None
        if "does not exist" in str(error):
            raise ValueError(f"there is no file {value} beside group.yml") from None
        raise ValueError(str(error).split(": ", 1)[1].rstrip(".")) from None
    check_picture(data, path.suffix.lower())
    return path


def check_picture(data: bytes, suffix: str) -> None:
    """The file opens as the picture its name says, and is no larger than a logo needs."""
    from PIL import Image  # Pillow comes with WeasyPrint

    not_a_picture = ValueError(f"the file is not a {LOGO_FORMATS[suffix]} picture (its name ends in {suffix}); "
                               "save it again as one")
    too_large = f"at most {LOGO_SIDE:,} pixels on each side. Save a smaller copy"
    try:
        picture = Image.open(io.BytesIO(data), formats=[LOGO_FORMATS[suffix]])  # reads the header only
    except Image.DecompressionBombError:
        raise ValueError(f"the logo has too many pixels; {too_large}") from None
    except Exception:  # noqa: BLE001 - Pillow raises many kinds for a file that is not a picture
        raise not_a_picture from None
    width, height = picture.size
    if max(width, height) > LOGO_SIDE:
        raise ValueError(f"the logo is {width:,} x {height:,} pixels; {too_large}")
    try:
        picture.verify()
    except Exception:  # noqa: BLE001
        raise not_a_picture from None
