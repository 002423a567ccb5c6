"""Cached data access shared by every page: documents, the store, named queries, analytics.

Nothing here runs at import time. Graphs and query rows go through
``st.cache_data``; stores (a driver, an in-memory index) through
``st.cache_resource``. The store for a session is chosen once per run:

- ``NEO4J_URI`` (or Streamlit secrets) set: the Neo4j store, loaded with the bundled
  documents; if it cannot be reached, the embedded store with a visible notice;
- otherwise the embedded store over the start-up documents: ``POLICY_KG_DOCS`` (files or
  folders) when set, else the bundled ones (``data/seed/*``), plus ``POLICY_KG_EXTRA_DOCS``;
- a session with uploaded documents explores an embedded copy of the bundled
  documents plus its uploads, so one analyst's uploads never reach another's view.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import streamlit as st

from graph.model import PolicyGraph, merge_graphs
from policykg import ingest
from policykg.ingest import seed_paths
from render.highlight import escape_markdown
from render.i18n import DEFAULT_LANG, normalise_lang, t

UPLOADS_KEY = "uploaded_graphs"  # session_state: {file name: PolicyGraph}
MEMO_KEY = "_run_memo"  # session_state: values worked out once per script run
LANG_KEY = "lang"
PROGRESS_EVERY_S = 0.1  # at most this often, the start-up progress bar moves
QUERY_TTL_NEO4J = 300  # seconds: another client may write to a shared database
ROOT = Path(__file__).resolve().parent.parent  # the project folder


# ---------------------------------------------------------------- language

def lang() -> str:
    """The interface language of this session (``zh`` or ``en``)."""
    return normalise_lang(st.session_state.get(LANG_KEY, DEFAULT_LANG))


def tr(key: str, **fmt: Any) -> str:
    """`render.i18n.t` in this session's language."""
    return t(key, lang(), **fmt)


# ---------------------------------------------------------------- documents

@dataclass(frozen=True)
class FileReport:
    """What became of one file: ``status`` is loaded, warnings or error; ``detail`` the warnings or
    the reason, one line each."""

    name: str
    status: str
    documents: int = 0
    detail: tuple[str, ...] = ()


def _reason(err: Exception, name: str) -> str:
    """One line naming the file (its name, not the server's folders) and why it failed."""
    reason = getattr(err, "reason", None) or (str(err).splitlines() or [type(err).__name__])[0]
    return f"{ingest.shown_name(name)}: {reason}"


def report_of(name: str, graph: PolicyGraph) -> FileReport:
    """The report of a file that loaded: with its loader warnings, if any."""
    warnings = tuple(w for doc in graph.documents for w in doc.warnings)
    return FileReport(name, "warnings" if warnings else "loaded", len(graph.documents), warnings)


# cache_resource, not cache_data: a PolicyGraph is frozen, so one shared copy is safe, and a corpus's
# graph unpickled on every call (cache_data's copy) cost a second a run.
@st.cache_resource(show_spinner=False, max_entries=4096)
def _load_file(path: str) -> tuple[PolicyGraph | None, FileReport]:
    """(graph or None, report) of one start-up file; a failure is a report, never an exception."""
    name = Path(path).name
    try:
        graph = ingest.load_file(path)
    except Exception as err:  # noqa: BLE001 - LoaderError says why; anything else still one line
        return None, FileReport(name, "error", 0, (_reason(err, name),))
    return graph, report_of(name, graph)


@st.cache_resource(show_spinner=False, max_entries=16)
def _load_each(paths: tuple[str, ...]) -> tuple[PolicyGraph, tuple[str, ...]]:
    """(graph of the documents at `paths` that could be read, one line for each that could not):
    a bad file (say, one listed in POLICY_KG_EXTRA_DOCS) never keeps the others out."""
    graphs: dict[str, PolicyGraph] = {}
    problems = []
    for path in paths:
        graph, report = _load_file(path)
        if graph is None:
            problems += report.detail
            continue
        doc_id = graph.documents[0].id if graph.documents else path
        graphs.pop(doc_id, None)  # the later file wins
        graphs[doc_id] = graph
    return (merge_graphs(graphs.values()) if graphs else PolicyGraph()), tuple(problems)


def load_documents(paths: tuple[str, ...]) -> PolicyGraph:
    """The graph of the documents at `paths` that could be read (see `load_problems` for the rest)."""
    return _load_each(paths)[0]


def load_problems() -> tuple[str, ...]:
    """One line for each start-up document that could not be read."""
    return _load_each(seed_paths())[1]


def start_up_reports() -> list[FileReport]:
    """A report for every start-up file, in load order."""
    return [_load_file(path)[1] for path in seed_paths()]


@st.cache_data(show_spinner=False, max_entries=64)
def load_upload(content: bytes, name: str) -> PolicyGraph:
    """The graph of one uploaded file (LoaderError with a one-line reason if it cannot be read)."""
    return ingest.load_bytes(content, name)


def uploads() -> dict[str, PolicyGraph]:
    """Documents this session added, by file name."""
    return st.session_state.setdefault(UPLOADS_KEY, {})


def graph_key(graph: PolicyGraph) -> str:
    """A short fingerprint of a graph's documents, for cache keys."""
    h = hashlib.sha1()
    for doc in sorted(graph.documents, key=lambda d: d.id):
        h.update(doc.id.encode())
        h.update(hashlib.sha1(doc.text.encode()).digest())
    h.update(f"{len(graph.nodes)}/{len(graph.edges)}".encode())
    return h.hexdigest()[:16]


def base_graph() -> PolicyGraph:
    """The bundled documents as one graph."""
    return load_documents(seed_paths())


def session_graph() -> PolicyGraph:
    """The bundled documents plus this session's uploads."""
    added = list(uploads().values())
    base = base_graph()
    return merge_graphs([base, *added]) if added else base


# ---------------------------------------------------------------- stores

@dataclass(frozen=True)
class ActiveStore:
    """The store a session talks to, the cache key of its contents and any notice to show."""

    store: Any
    kind: str  # "embedded" or "neo4j"
    key: str
    notice: str | None = None
    fallback: bool = False  # Neo4j was asked for and could not be reached


@st.cache_resource(show_spinner=False, max_entries=16)
def embedded_store(key: str, _graph: PolicyGraph) -> Any:
    """An embedded store holding `_graph` (one per distinct graph `key`)."""
    from graph.factory import embedded_store as make

    return make(_graph)


def neo4j_settings() -> Any | None:
    """Neo4j connection settings from the environment or Streamlit secrets; None when not configured."""
    from graph.settings import load_settings

    found = load_settings()
    return found if found and found.uri else None


@st.cache_resource(show_spinner=False, ttl=60)
def neo4j_store(uri: str, key: str, _settings: Any, _graph: PolicyGraph) -> tuple[Any, str | None]:
    """(store, None) connected to `uri` and holding `_graph`, or (None, reason) when it cannot be reached.

    A failure is cached for a minute so an unreachable server does not slow every rerun.
    """
    from graph.store import StoreError

    try:
        from graph.factory import neo4j_store as connect

        store = connect(_settings)
        store.load(_graph)
        return store, None
    except StoreError as err:
        return None, str(err)
    except ImportError as err:
        return None, f"Neo4j store unavailable: {err}"


def begin_run() -> None:
    """Forget what the previous run worked out; the main script calls this first."""
    st.session_state[MEMO_KEY] = {}


def _memo(name: str, make: Callable[[], Any]) -> Any:
    memo = st.session_state.setdefault(MEMO_KEY, {})
    if name not in memo:
        memo[name] = make()
    return memo[name]


def active_store() -> ActiveStore:
    """The store this session uses (see the module docstring), worked out once per run."""
    return _memo("active_store", _choose_store)


def _choose_store() -> ActiveStore:
    graph = session_graph()
    key = graph_key(graph)
    count = len(uploads())
    if count:
        return ActiveStore(embedded_store(key, graph), "embedded", f"embedded:{key}",
                           tr("app.store.session_copy", count=count))
    settings = neo4j_settings()
    if settings is not None:
        store, reason = neo4j_store(str(settings.uri), key, settings, graph)
        if store is not None:
            return ActiveStore(store, "neo4j", f"neo4j:{settings.uri}:{key}")
        return ActiveStore(embedded_store(key, graph), "embedded", f"embedded:{key}",
                           tr("app.store.fallback", reason=escape_markdown(str(reason))), fallback=True)
    return ActiveStore(embedded_store(key, graph), "embedded", f"embedded:{key}")


# ---------------------------------------------------------------- queries

@st.cache_data(show_spinner=False, max_entries=4000)
def _cached_query(store_key: str, name: str, params_json: str, _store: Any) -> list[dict[str, Any]]:
    return _store.query(name, **json.loads(params_json))


@st.cache_data(show_spinner=False, max_entries=4000, ttl=QUERY_TTL_NEO4J)
def _cached_query_ttl(store_key: str, name: str, params_json: str, _store: Any) -> list[dict[str, Any]]:
    return _store.query(name, **json.loads(params_json))


def query(name: str, **params: Any) -> list[dict[str, Any]]:
    """Rows of the named query on this session's store (cached per store contents).

    Raises `graph.store.StoreError` for a bad name or parameter.
    """
    active = active_store()
    params_json = json.dumps(params, ensure_ascii=False, sort_keys=True, default=list)
    cached = _cached_query_ttl if active.kind == "neo4j" else _cached_query
    return cached(active.key, name, params_json, active.store)


@st.cache_resource(show_spinner=False, max_entries=16, ttl=QUERY_TTL_NEO4J)
def _document_index(store_key: str, doc_id: str, _store: Any) -> Any:
    from graph.index import GraphIndex

    return GraphIndex.of_document(_store, doc_id)


def document_index(doc_id: str) -> Any:
    """One document as this session's store holds it, indexed (`graph.index.GraphIndex.of_document`):
    what the presenter's tour, pictures, handouts and offline page are drawn from."""
    active = active_store()
    return _document_index(active.key, doc_id, active.store)


def query_names() -> list[str]:
    """The named queries this session's store answers."""
    return list(active_store().store.query_names())


def query_params() -> dict[str, dict[str, Any]]:
    """Query name -> {parameter: default, or the `REQUIRED` marker}."""
    from graph.contract import query_params as params_of_queries

    return params_of_queries()


def is_required(default: Any) -> bool:
    from graph.contract import REQUIRED

    return default is REQUIRED


# ---------------------------------------------------------------- analytics

@st.cache_data(show_spinner=False, max_entries=16)
def _centrality(store_key: str, _store: Any) -> dict[str, float]:
    from graph.analytics import centrality

    from graph.convert import from_rows, to_networkx

    return centrality(to_networkx(from_rows(_store.query("all_nodes"), _store.query("all_edges"))))


def centrality() -> dict[str, float]:
    """Degree centrality of every node, scaled within its type (``graph.analytics.centrality``)."""
    active = active_store()
    return _centrality(active.key, active.store)


@st.cache_data(show_spinner=False, max_entries=16)
def _evidence_counts(store_key: str, _store: Any) -> dict[str, int]:
    from render.pyvis_html import evidence_counts

    return evidence_counts(_store.query("all_edges"))


def evidence_counts() -> dict[str, int]:
    """How many evidence sentences each node has, over the whole graph."""
    active = active_store()
    return _evidence_counts(active.key, active.store)


@st.cache_data(show_spinner=False, max_entries=16)
def _counts(store_key: str, _store: Any) -> tuple[int, int, int]:
    return tuple(len(_store.query(name)) for name in ("documents", "all_nodes", "all_edges"))


def counts() -> tuple[int, int, int]:
    """(documents, nodes, edges) in this session's store, without copying the whole graph's rows."""
    active = active_store()
    return _counts(active.key, active.store)


@st.cache_data(show_spinner=False, max_entries=16)
def _ranked(store_key: str, _store: Any) -> list[tuple[str, str]]:
    """(type, id) of every node, the one with most distinct neighbours first, ties by id."""
    seen: dict[str, set[str]] = {}
    for edge in _store.query("all_edges"):
        seen.setdefault(edge["source"], set()).add(edge["target"])
        seen.setdefault(edge["target"], set()).add(edge["source"])
    nodes = sorted(_store.query("all_nodes"), key=lambda n: (-len(seen.get(n["id"], ())), n["id"]))
    return [(str(n.get("type")), n["id"]) for n in nodes]


def ranked_nodes(types: Any = None, limit: int | None = None) -> list[str]:
    """Ids of the nodes of `types` (default: the shared entities: actors, laws, mechanisms …), the best
    connected first: pages start from the most central node of whatever documents are loaded, never
    from a name written into the code."""
    from graph.model import SHARED_LABELS

    wanted = set(types) if types else {label.value for label in SHARED_LABELS}
    active = active_store()
    ids = [node for node_type, node in _ranked(active.key, active.store) if node_type in wanted]
    return ids[:limit] if limit else ids


def nodes_by_id() -> dict[str, dict[str, Any]]:
    """Every node's properties, by id."""
    return {row["id"]: row for row in query("all_nodes")}


def systems_in_order() -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """(target system, its measures) in the order the documents build them: by first measure."""
    measures: dict[str, list[dict[str, Any]]] = {}
    for row in query("systems_with_measures"):  # one query for every system, not one per system
        measures.setdefault(row["system"], []).append(row)
    systems = [(n, measures.get(n["id"], [])) for n in query("all_nodes") if n.get("type") == "TargetSystem"]
    systems.sort(key=lambda sm: (min((m.get("doc_id") or "", m.get("number") or 0) for m in sm[1])
                                 if sm[1] else ("\uffff", 0), sm[0]["id"]))
    return systems


# ---------------------------------------------------------------- the graph script, served once

STATIC_DIR = ROOT / "static"  # Streamlit serves it at app/static/ (server.enableStaticServing)
VIS_FILE = "vis-network.min.js"


@st.cache_resource(show_spinner=False)
def vis_script_src() -> str | None:
    """Where graph frames load vis-network from: the explorer's own static folder, so a browser
    fetches the half megabyte once and caches it, instead of receiving it inside every frame of
    every page and presenter step. None (inline the script) when static serving is off or the
    folder cannot be written. Never a CDN: the file comes from the installed pyvis package."""
    from graph.files import write_atomic
    from render.pyvis_html import vis_assets

    if not st.get_option("server.enableStaticServing"):
        return None
    js = vis_assets()[0]
    target = STATIC_DIR / VIS_FILE
    try:
        if not target.is_file() or target.read_text(encoding="utf-8") != js:
            write_atomic(target, js)
    except OSError:
        return None
    return f"app/static/{VIS_FILE}"


# ---------------------------------------------------------------- loading with progress

_WARM: set[tuple[str, ...]] = set()  # start-up document sets this server process has loaded


def is_warm() -> bool:
    """Whether this server has already loaded the start-up documents (a new session then needs no
    progress bar: everything it asks for is cached)."""
    return tuple(seed_paths()) in _WARM


def warm_up(on_step: Callable[[float, str], None]) -> None:
    """Load documents, store and analytics, reporting each step (used for the progress bar):
    reading the documents takes the first half of the bar, one step per file."""
    paths = seed_paths()
    shown = 0.0
    for done, path in enumerate(paths):
        if time.monotonic() - shown > PROGRESS_EVERY_S:  # files already read take no time: no flood of updates
            on_step(0.05 + 0.45 * done / len(paths),
                    tr("app.loading.file", done=done + 1, total=len(paths), name=escape_markdown(Path(path).name)))
            shown = time.monotonic()
        _load_file(path)
    on_step(0.5, tr("app.loading.documents"))
    base_graph()
    on_step(0.6, tr("app.loading.store"))
    active_store()
    on_step(0.8, tr("app.loading.analytics"))
    centrality()
    evidence_counts()
    on_step(1.0, tr("app.loading"))
    _WARM.add(tuple(paths))
