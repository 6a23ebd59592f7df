"""The layout keeps its promises: Telegram stays at the edge, the edge runs no SQL, features stay apart.

Read from the source with ast (nothing is imported), so a forbidden import fails here even in a module no
other test loads.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EDGE = ROOT / "bot" / "telegram"
# Where python-telegram-bot may be imported: the edge, and the console command that starts it.
TELEGRAM_ALLOWED = (EDGE, ROOT / "bot" / "cli")


def _modules(folder: Path) -> Iterator[Path]:
    """Yields every Python module below a folder."""
    yield from sorted(path for path in folder.rglob("*.py") if "__pycache__" not in path.parts)


def _imports(path: Path) -> Iterator[str]:
    """Yields the absolute names a module imports (its own module names for `from x import y`, plus x.y)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def _name(path: Path) -> str:
    """Returns the dotted module name of a file in the repository."""
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def _features() -> list[Path]:
    """Returns the feature packages of the edge (search, alerts, posting, ...); local/ is the offline Bot API."""
    return [path for path in sorted(EDGE.iterdir()) if (path / "__init__.py").exists() and path.name != "local"]


def _is_handler_module(path: Path) -> bool:
    """Tells whether a module holds handlers: functions that take the update context (a Turn)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.AsyncFunctionDef) and node.args.args:
            annotation = node.args.args[0].annotation
            if annotation is not None and ast.unparse(annotation).startswith("Turn["):
                return True
    return False


@pytest.mark.parametrize("path", list(_modules(ROOT / "bot")) + list(_modules(ROOT / "nlu")), ids=_name)
def test_telegram_is_imported_only_at_the_edge(path: Path) -> None:
    if any(path.is_relative_to(allowed) for allowed in TELEGRAM_ALLOWED):
        return
    found = [name for name in _imports(path) if name == "telegram" or name.startswith("telegram.")]
    assert not found, f"{_name(path)} imports {found}: Telegram belongs in bot/telegram"


@pytest.mark.parametrize("path", list(_modules(ROOT / "nlu")), ids=_name)
def test_nlu_never_imports_the_bot(path: Path) -> None:
    found = [name for name in _imports(path) if name == "bot" or name.startswith("bot.")]
    assert not found, f"{_name(path)} imports {found}: nlu/ must stay importable without bot/"


@pytest.mark.parametrize("path", list(_modules(EDGE)), ids=_name)
def test_the_edge_runs_no_sql_itself(path: Path) -> None:
    # The unit of work's session is handed around as a type; queries live in the domain packages.
    found = [name for name in _imports(path) if (name == "sqlalchemy" or name.startswith("sqlalchemy."))
             and not name.startswith("sqlalchemy.ext.asyncio")]
    assert not found, f"{_name(path)} imports {found}: move the query into a domain package"


def test_no_feature_imports_another_features_handlers() -> None:
    handler_modules = {
        _name(path): feature.name
        for feature in _features() for path in _modules(feature) if _is_handler_module(path)
    }
    assert handler_modules, "no handler modules found: has the layout changed?"
    crossing = []
    for feature in _features():
        for path in _modules(feature):
            for name in _imports(path):
                owner = handler_modules.get(name)
                if owner is not None and owner != feature.name:
                    crossing.append(f"{_name(path)} -> {name}")
    assert not crossing, f"features reach each other through bot.telegram.notify, never handlers: {crossing}"


def test_the_checks_see_what_they_forbid(tmp_path: Path) -> None:
    module = tmp_path / "sample.py"
    module.write_text("import telegram.ext\nfrom sqlalchemy import select\nfrom bot.telegram.search import handlers\n")
    assert {"telegram.ext", "sqlalchemy", "sqlalchemy.select", "bot.telegram.search.handlers"} <= set(_imports(module))
    assert _is_handler_module(EDGE / "search" / "handlers.py")
    assert not _is_handler_module(EDGE / "search" / "views.py")
