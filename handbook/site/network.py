"""A network's groups folder: which folders are groups, which share of them a machine builds, and what each
group's site was built from, so that an unchanged group is not built again.

Every folder in the network's folder is named in the report (hidden ones, like .git, aside): a group has its
own group.yml, a regular file; any other folder is skipped with the reason. A share (`--shard K/N`) is chosen
by a hash of the folder's name alone, so a group stays in its share when others are added or removed, and
a CI job that keeps its share's output between runs finds the group's last site there.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from ..errors import HandbookError
from ..cache import code_files
from ..folders import DEFAULTS, QUIZ
from ..group import GROUP_FILE

STATE = ".build-all"  # in the output folder, beside the sites: what each site was built from (not published)
_DEFAULT_PARTS = ("docs", "policy", "templates", "overrides", "mkdocs.yml")
_PACKAGES = ("mkdocs", "mkdocs-material", "zensical", "Markdown", "pymdown-extensions")
_NOT_INPUT = {"site"}  # a group's own preview build, beside its group.yml


@dataclass(frozen=True)
class Folder:
    path: Path
    skipped: str | None = None  # why it is not a group folder

    @property
    def name(self) -> str:
        return self.path.name


def parse_shard(text: str) -> tuple[int, int]:
    """'K/N' as (K, N), with 1 <= K <= N; one sentence otherwise."""
    k, slash, n = text.partition("/")
    if slash and k.isdigit() and n.isdigit() and 1 <= int(k) <= int(n):
        return int(k), int(n)
    raise HandbookError(f"--shard {text!r}: expected K/N, two whole numbers with 1 <= K <= N, such as 1/4.")


def in_shard(name: str, shard: tuple[int, int]) -> bool:
    k, n = shard
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big") % n == k - 1


def folders(groups_dir: Path, shard: tuple[int, int] = (1, 1)) -> list[Folder]:
    """Every folder of this share, by name, each a group or skipped with the reason."""
    try:
        entries = sorted(Path(groups_dir).iterdir())
    except OSError as error:
        raise HandbookError(f"{groups_dir} cannot be read: {error.strerror or error}.") from None
    found = [_classify(path) for path in entries
             if not path.name.startswith(".") and path.is_dir() and in_shard(path.name, shard)]
    if not any(entry.is_dir() for entry in entries if not entry.name.startswith(".")):
        raise HandbookError(f"{groups_dir} has no group folders: each needs its own {GROUP_FILE}.")
    return found


def _classify(path: Path) -> Folder:
    group_file = path / GROUP_FILE
    if group_file.is_symlink() and not group_file.exists():
        return Folder(path, f"its {GROUP_FILE} is a link to a file that is not there.")
    if group_file.is_file():
        return Folder(path)
    if group_file.exists():
        return Folder(path, f"its {GROUP_FILE} is not a file.")
    for other in ("group.yaml", "Group.yml", "group.yml.txt"):
        if (path / other).exists():
            return Folder(path, f"it has {other} but no {GROUP_FILE}: rename the file to {GROUP_FILE}.")
    return Folder(path, f"it has no {GROUP_FILE}.")


def handbook_fingerprint(generator: str) -> str:
    """What every site is made by: the handbook's code and rules, its default pages, policy and theme, the
    site generator and the versions of the packages that render."""
    digest = hashlib.sha256(f"generator={generator}".encode())
    for name in _PACKAGES:
        try:
            digest.update(f"\0{name}=={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"\0{name} missing".encode())
    files = list(code_files()) + [QUIZ]
    for part in _DEFAULT_PARTS:
        path = DEFAULTS / part
        files += sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for path in files:  # by name, not place: a CI runner's next run may install the handbook elsewhere
        if path.is_file():
            digest.update(f"\0{path.name}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def group_fingerprint(folder: Path) -> str:
    """The group's own files as they are: regular files by content, links by where they point (never followed:
    the folder is untrusted and a link may lead to a device); its preview site/ and hidden files aside."""
    digest = hashlib.sha256()
    for root, dirs, files in os.walk(folder):
        top = Path(root) == folder
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (top and d in _NOT_INPUT))
        for name in sorted(files + [d for d in dirs if Path(root, d).is_symlink()]):
            if name.startswith("."):
                continue
            path = Path(root) / name
            digest.update(f"\0{path.relative_to(folder)}\0".encode())
            if path.is_symlink():
                digest.update(f"link:{os.readlink(path)}".encode())
            elif path.is_file():
                with path.open("rb") as file:
                    for block in iter(lambda: file.read(1 << 20), b""):
                        digest.update(block)
            else:
                digest.update(b"special")
    return digest.hexdigest()


@dataclass(frozen=True)
class Stamps:
    """What each site in the output folder was last built from (OUT/.build-all/<folder>.json)."""
    out: Path

    def _file(self, name: str) -> Path:
        return self.out / STATE / f"{name}.json"

    def unchanged(self, name: str, made_from: dict) -> bool:
        site = self.out / name
        try:
            kept = json.loads(self._file(name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return kept == made_from and (site / "index.html").is_file()

    def record(self, name: str, made_from: dict) -> None:
        path = self._file(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(made_from, sort_keys=True), encoding="utf-8")
        temporary.replace(path)

    def forget(self, name: str) -> None:
        self._file(name).unlink(missing_ok=True)

    def names(self) -> list[str]:
        """The folders whose sites were built here before."""
        return sorted(path.stem for path in (self.out / STATE).glob("*.json"))
