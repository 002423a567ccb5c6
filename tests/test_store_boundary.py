"""Outside `graph/`, the stores are reached only through the store interface and the factory.

Pages, exports and tours then read whatever store is in use (Neo4j included) through named
queries. Imports are read with `ast` (every `import` and `from … import`, inside functions too),
so a string or a comment naming a module does not count.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STORE_MODULES = ("graph.embedded", "graph.embedded_queries", "graph.neo4j_store", "graph.neo4j_rows",
                 "graph.neo4j_write")
# Benchmarks of the Neo4j write path time it against a bare statement on the same driver, from inside.
MEASURING_THE_STORE_ITSELF = {(bench, module) for bench in ("bench/bench_store.py", "bench/bench_corpus.py")
                              for module in ("graph.neo4j_store", "graph.neo4j_rows", "graph.neo4j_write")}


def imported_modules(source: str) -> set[str]:
    """Every module an `import` or `from … import` of `source` names, ``from a import b`` as both
    ``a`` and ``a.b`` (b may be a module).

    >>> sorted(imported_modules("from graph import embedded\\nimport graph.store as s"))
    ['graph', 'graph.embedded', 'graph.store']
    """
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def outside_graph() -> list[Path]:
    files = [p for p in ROOT.glob("*.py")]
    for package in ("app_pages", "render", "loaders", "bench", "policykg", "scripts"):
        files += sorted((ROOT / package).rglob("*.py"))
    return files


def store_imports(path: Path) -> list[str]:
    relative = path.relative_to(ROOT).as_posix()
    return sorted(m for m in imported_modules(path.read_text(encoding="utf-8"))
                  if m in STORE_MODULES and (relative, m) not in MEASURING_THE_STORE_ITSELF)


def test_the_check_sees_both_import_forms():
    assert imported_modules("def f():\n    from graph.neo4j_store import Neo4jStore\n") >= {"graph.neo4j_store"}
    assert "graph.embedded" in imported_modules("from graph import embedded")
    assert imported_modules("x = 'from graph.embedded import EmbeddedStore'") == set()


def test_nothing_outside_graph_imports_a_store_implementation():
    files = outside_graph()
    assert any(p.name == "data.py" for p in files) and any(p.name == "tour.py" for p in files)
    offenders = {p.relative_to(ROOT).as_posix(): store_imports(p) for p in files}
    assert {path: mods for path, mods in offenders.items() if mods} == {}
