"""The documentation keeps up with the code: every command, setting and rejection code is
documented, docs/index.md links every page, and no relative link is broken."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from conftest import REPO
from rasd.cli.main import build_parser
from rasd.config import Config

DOCS = REPO / "docs"
README = REPO / "README.md"
PAGES = sorted(DOCS.glob("*.md"))

_FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"`[^`\n]*`")
_LINK = re.compile(r"!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", re.IGNORECASE)
_DOCUMENT_CODE = re.compile(r"[\"']([ICE]\d{3})[\"']")


def command_names() -> list[str]:
    """The sub-commands the ``rasd`` parser registers from COMMAND_MODULES."""
    parser = build_parser()
    return sorted(parser._subparsers._group_actions[0].choices)


def relative_links(path: Path) -> list[str]:
    """Targets of the Markdown links of a file that point inside the repository.

    Links inside code blocks and code spans are not links; URLs, mail addresses and
    in-page anchors are left out; a ``#fragment`` is cut off.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     page = Path(folder) / "p.md"
    ...     _ = page.write_text("[a](b.md#x) [c](https://x.org) `[d](e.md)` [f](#g) ![h](i.png)", encoding="utf-8")
    ...     relative_links(page)
    ['b.md', 'i.png']
    """
    text = _CODE_SPAN.sub("", _FENCE.sub("", path.read_text(encoding="utf-8")))
    targets = []
    for match in _LINK.finditer(text):
        target = match.group(1)
        if _EXTERNAL.match(target):
            continue
        targets.append(target.split("#", 1)[0])
    return [t for t in targets if t]


def anchors(path: Path) -> set[str]:
    """The anchors GitHub gives the headings of a Markdown file ("## `rasd geocode`" -> "rasd-geocode").

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     page = Path(folder) / "p.md"
    ...     _ = page.write_text("# Top\\n## Vetoes: mentions, not events\\n```\\n# not a heading\\n```", encoding="utf-8")
    ...     sorted(anchors(page))
    ['top', 'vetoes-mentions-not-events']
    """
    text = _FENCE.sub("", path.read_text(encoding="utf-8"))
    found = set()
    for heading in re.findall(r"^#{1,6}\s+(.+?)\s*#*$", text, re.MULTILINE):
        slug = re.sub(r"[^\w\- ]", "", heading.replace("`", "").strip().lower())
        found.add(slug.replace(" ", "-"))
    return found


def fragment_links(path: Path) -> list[tuple[Path, str]]:
    """(file, anchor) of every link of a Markdown file to a heading of a Markdown file."""
    text = _CODE_SPAN.sub("", _FENCE.sub("", path.read_text(encoding="utf-8")))
    out = []
    for match in _LINK.finditer(text):
        target, _, fragment = match.group(1).partition("#")
        if not fragment or (target and _EXTERNAL.match(target)) or not (target or path.name).endswith(".md"):
            continue
        out.append(((path.parent / target) if target else path, fragment))
    return out


def mentions_command(text: str, name: str) -> bool:
    """True when ``rasd NAME`` stands in the text as a whole command ("rasd eval" is not "rasd eval-ner")."""
    return re.search(rf"\brasd {re.escape(name)}(?![\w-])", text) is not None


def docs_text() -> str:
    return "\n".join(page.read_text(encoding="utf-8") for page in PAGES)


def test_docs_folder_has_the_stage_pages():
    names = {page.name for page in PAGES}
    for page in ("index.md", "ingest.md", "clean.md", "numbers-dates.md", "geo.md", "ner.md", "events.md",
                 "output.md", "store.md", "eval.md", "config.md"):
        assert page in names, f"docs/{page} is missing"


def test_commands_are_found():
    assert {"extract", "run", "events", "eval", "geocode"} <= set(command_names())


@pytest.mark.parametrize("name", command_names())
def test_every_command_is_in_the_readme(name):
    assert mentions_command(README.read_text(encoding="utf-8"), name), f"README.md never mentions `rasd {name}`"


@pytest.mark.parametrize("name", command_names())
def test_every_command_is_in_the_docs(name):
    assert mentions_command(docs_text(), name), f"no page under docs/ mentions `rasd {name}`"


def test_every_page_linked_from_the_index_exists():
    links = relative_links(DOCS / "index.md")
    assert links, "docs/index.md links no page"
    missing = [link for link in links if not (DOCS / link).exists()]
    assert not missing, f"docs/index.md links pages that do not exist: {missing}"


def test_every_page_is_linked_from_the_index():
    linked = {(DOCS / link).resolve() for link in relative_links(DOCS / "index.md")}
    orphans = [page.name for page in PAGES if page.name != "index.md" and page.resolve() not in linked]
    assert not orphans, f"docs/index.md does not link {orphans}"


@pytest.mark.parametrize("path", [README, *PAGES], ids=lambda p: str(p.relative_to(REPO)))
def test_relative_links_point_to_existing_files(path):
    broken = [link for link in relative_links(path) if not (path.parent / link).exists()]
    assert not broken, f"{path.relative_to(REPO)} links to missing files: {broken}"


@pytest.mark.parametrize("path", [README, *PAGES], ids=lambda p: str(p.relative_to(REPO)))
def test_anchors_point_to_existing_headings(path):
    broken = [f"{target.name}#{fragment}" for target, fragment in fragment_links(path)
              if target.exists() and fragment not in anchors(target)]
    assert not broken, f"{path.relative_to(REPO)} links to missing headings: {broken}"


@pytest.mark.parametrize("name", [f.name for f in fields(Config)])
def test_every_setting_is_in_the_config_page(name):
    text = (DOCS / "config.md").read_text(encoding="utf-8")
    assert f"`{name}`" in text, f"docs/config.md does not document the setting {name}"
    assert f"RASD_{name.upper()}" in text, f"docs/config.md does not name RASD_{name.upper()}"


def test_every_rejection_code_is_in_the_ingest_page():
    codes = set()
    for source in (REPO / "rasd").rglob("*.py"):
        codes.update(_DOCUMENT_CODE.findall(source.read_text(encoding="utf-8")))
    assert {"I001", "C001", "E001"} <= codes
    text = (DOCS / "ingest.md").read_text(encoding="utf-8")
    missing = sorted(code for code in codes if f"`{code}`" not in text)
    assert not missing, f"docs/ingest.md does not explain the rejection codes {missing}"


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("run `rasd eval GOLD`", "eval", True),
        ("`rasd train-ner`, `rasd eval-ner`", "eval", False),
        ("`rasd eval-ner`", "eval-ner", True),
        ("rasd events --db x", "events", True),
        ("rasd eventsx", "events", False),
        ("the rasd extractor", "extract", False),
    ],
)
def test_command_mention_rule(text, name, expected):
    assert mentions_command(text, name) is expected
