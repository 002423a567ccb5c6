"""The direction of every package dependency (README "How it is built", docs/CONTRIBUTING.md),
read from the source with `ast`: imports at any depth, relative ones resolved, `__main__`
entry points excepted (they are programs, not the library)."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Package -> the project packages (or modules) it may import, besides itself.
ALLOWED = {
    "loaders": {"graph.model"},
    "graph": set(),
    "render": {"graph"},
    "policykg": {"graph", "loaders", "render"},
    "app_pages": {"graph", "render", "policykg"},
    "bench": {"graph", "loaders", "render", "policykg"},
}
PROJECT = set(ALLOWED) | {"tests", "streamlit_app"}


def imported_modules(source: str, module: str) -> set[str]:
    """Every module `source` imports (absolute names), at any depth of the file.

    >>> sorted(imported_modules("import a.b\\nfrom .c import d\\ndef f():\\n    from e import g", "p.q"))
    ['a.b', 'e', 'p.c']
    """
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = module.split(".")[: -node.level] if node.level else []
            found.add(".".join([*base, node.module] if node.module else base))
    return found


def crosses(package: str, imported: str) -> bool:
    """True when `package` may not import `imported` (a project module outside its allowance).

    >>> crosses("loaders", "graph.model"), crosses("loaders", "graph.convert"), crosses("render", "graph.tour")
    (False, True, False)
    >>> crosses("graph", "render.tour"), crosses("graph", "networkx"), crosses("policykg", "app_pages.data")
    (True, False, True)
    """
    top = imported.split(".")[0]
    if top not in PROJECT or top == package:
        return False
    return not any(imported == ok or imported.startswith(ok + ".") for ok in ALLOWED[package])


@cache
def _imports_of(path: Path, name: str) -> frozenset[str]:
    """What the file at `path` (module `name`) imports: read and parsed once for all the tests here."""
    return frozenset(imported_modules(path.read_text(encoding="utf-8"), name))


def _modules(package: str):
    for path in sorted((ROOT / package).rglob("*.py")):
        if path.name == "__main__.py":
            continue
        rel = path.relative_to(ROOT).with_suffix("")
        name = ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)
        yield name, path


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_each_package_imports_only_what_lies_below_it(package):
    modules = list(_modules(package))
    assert modules, f"no modules found under {package}/"
    wrong = [f"{name} imports {imported}" for name, path in modules
             for imported in sorted(_imports_of(path, name)) if crosses(package, imported)]
    assert not wrong, "\n".join(wrong)


def test_nothing_but_the_app_and_tests_imports_the_pages_or_tests():
    wrong = [f"{name} imports {imported}" for package in ALLOWED for name, path in _modules(package)
             for imported in _imports_of(path, name)
             if imported.split(".")[0] in {"tests", "streamlit_app"}
             or (package != "app_pages" and imported.split(".")[0] == "app_pages")]
    assert not wrong, "\n".join(wrong)


def test_the_entry_shims_only_start_the_program():
    for shim, program in (("graph/__main__.py", "policykg.cli"), ("loaders/__main__.py", "policykg.load_cli")):
        assert imported_modules((ROOT / shim).read_text(encoding="utf-8"), shim) == {"sys", program}
