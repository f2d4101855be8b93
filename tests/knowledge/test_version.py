"""The records builder's version digests exactly the rules and data that shape records (knowledge/version.py)."""

from __future__ import annotations

import ast
import re
from importlib import resources
from pathlib import Path

import pytest

from knowledge import version

FIRST_PARTY = ("knowledge", "lgnet", "ingest")


def _path(module: str) -> Path:
    package, name = module.rsplit(".", 1)
    return Path(str(resources.files(package).joinpath(f"{name}.py")))


def _imports(module: str) -> set[str]:
    """The first-party modules `module` imports (a package's `from x import y` counts y when y is a module)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(_path(module).read_text("utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        for name in names:
            if name.split(".")[0] in FIRST_PARTY and name.count(".") == 1 and _path(name).is_file():
                found.add(name)
    return found


def _closure() -> set[str]:
    todo = [m for m in version.rule_sources() if m.startswith("knowledge.")]
    seen: set[str] = set()
    while todo:
        module = todo.pop()
        if module in seen or module in version.INFRASTRUCTURE or module in version.TOOLS:
            continue
        seen.add(module)
        todo.extend(_imports(module))
    return seen


def test_the_digest_covers_every_module_the_rules_import_and_no_other() -> None:
    assert set(version.rule_sources()) == _closure()


def test_the_digest_covers_the_data_the_rule_modules_read() -> None:
    named = set()
    for module in version.rule_sources():
        named |= set(re.findall(r"""["'](?:data/)?(\w+\.json)["']""", _path(module).read_text("utf-8")))
    assert named <= set(version.RULE_DATA)
    assert all((Path(str(resources.files("lgnet"))) / "data" / name).is_file() for name in version.RULE_DATA)


def test_a_change_to_a_rule_module_or_its_data_changes_the_version(monkeypatch: pytest.MonkeyPatch) -> None:
    base = version.builder_version()
    assert re.fullmatch(r"facts-[0-9a-f]{16}", base)
    real = version._source

    def edited(module: str) -> bytes:
        return real(module) + (b"\n# edited\n" if module == "knowledge.partners" else b"")

    version.builder_version.cache_clear()
    monkeypatch.setattr(version, "_source", edited)
    try:
        assert version.builder_version() != base
        monkeypatch.setattr(version, "_source", real)
        version.builder_version.cache_clear()
        assert version.builder_version() == base  # deterministic: the same sources give the same version
    finally:
        version.builder_version.cache_clear()
