"""Every setting is described in code and documented in the README's settings table, with its real default."""

from __future__ import annotations

import re
from pathlib import Path

from lgnet.config import Settings

README = Path(__file__).resolve().parents[2] / "README.md"
ROW = re.compile(r"^\| `LGNET_(\w+)` \| ([^|]+) \| ([^|]+) \|$", re.M)


def documented() -> dict[str, tuple[str, str]]:
    return {
        name.lower(): (default.strip(), meaning.strip()) for name, default, meaning in ROW.findall(README.read_text())
    }


def shown_default(field) -> str:
    """How the README writes a default: unset, a value in backticks, or words for a computed one."""
    if field.default_factory is not None:
        return "number of cores"
    if field.default is None:
        return "unset"
    value = field.default
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    if isinstance(field.default, Path) and not text.startswith(("/", ".")):
        text = f"./{text}"
    return f"`{text}`"


def test_every_setting_has_a_description():
    missing = [name for name, field in Settings.model_fields.items() if not (field.description or "").strip()]
    assert not missing, f"Settings fields without a description: {missing}"


def test_every_setting_is_in_the_readme_table_with_its_default():
    rows = documented()
    fields = Settings.model_fields
    missing = [
        f"| `LGNET_{n.upper()}` | {shown_default(f)} | {f.description} |" for n, f in fields.items() if n not in rows
    ]
    assert not missing, "add these rows to the README's settings table:\n" + "\n".join(missing)
    stale = sorted(set(rows) - set(fields))
    assert not stale, f"the README documents settings that do not exist: {stale}"
    wrong = {n: (rows[n][0], shown_default(f)) for n, f in fields.items() if rows[n][0] != shown_default(f)}
    assert not wrong, f"README defaults differ from the code (README, code): {wrong}"
