"""The read-only Cypher console (issue 13, points 1–3): the guard that refuses a statement before it
is sent, then the same bypasses against a real Bolt server, the row cap and the time limit."""

from __future__ import annotations

import pytest
from graph.bolt_testserver import BoltServer, wipe

from graph.cypher import load_cypher, query_names
from graph.cypher_guard import CypherRefused, check_read_only
from graph.neo4j_store import Neo4jStore, close_drivers
from graph.settings import settings_from_env
from graph.store import StoreError

# statement -> the words of the refusal ("" = allowed as it is)
GUARD_TABLE = [
    ("MATCH (n:Law) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS", "DETACH writes"),
    ("MATCH (n:Actor) CALL { WITH n SET n.name='HACKED' } IN TRANSACTIONS", "SET writes"),
    ("MATCH (n) CALL { WITH n RETURN n.id AS i } IN TRANSACTIONS OF 10 ROWS RETURN i", "IN TRANSACTIONS"),
    ("MATCH (n) CALL (n) { RETURN n.id AS i } IN 2 CONCURRENT TRANSACTIONS RETURN i", "IN TRANSACTIONS"),
    ("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row", "LOAD CSV"),
    ("load csv with headers from 'https://example.org/a.csv' as r return r", "LOAD CSV"),
    ("CREATE (n:Law {id: 'x'})", "CREATE writes"),
    ("merge (n:Law {id: 'x'}) return n", "MERGE writes"),
    ("MATCH (n) REMOVE n.name", "REMOVE writes"),
    ("MATCH (n) FOREACH (x IN [1] | SET n.a = x)", "FOREACH writes"),
    ("INSERT (n:Law {id: 'x'})", "INSERT writes"),
    ("DROP CONSTRAINT law_id", "DROP writes"),
    ("CALL dbms.listConfig() YIELD name RETURN name", "procedure dbms.listConfig"),
    ("CALL apoc.cypher.doIt('MATCH (n) DETACH DELETE n', {})", "procedure apoc.cypher.doIt"),
    ("RETURN apoc.cypher.runFirstColumnSingle('MATCH (n) RETURN n', {}) AS x", "function apoc.cypher"),
    ("RETURN `apoc`.`load`.jsonParams('file:///etc/passwd', null, null) AS x", "function apoc.load"),
    ("MATCH (n) RETURN n; MATCH (n) DETACH DELETE n", "one statement at a time"),
    ("RETURN 1; RETURN 2", "one statement at a time"),
    ("USE system SHOW USERS", "USE is not allowed"),
    ("SHOW TRANSACTIONS", "SHOW is not allowed"),
    ("RETURN 'open", "unclosed"),
    ("MATCH (n) /* CREATE", "unclosed"),
    ("  // only a comment", "empty"),
    ("MATCH (n:Actor) RETURN n.name AS name LIMIT 10", ""),
    ("MATCH (n:Delete {set: 1}) WHERE n.create = $merge RETURN n {.remove} AS m", ""),
    ("RETURN 'CREATE (n); LOAD CSV; IN TRANSACTIONS' AS text // DELETE", ""),
    ("MATCH (n) CALL { WITH n RETURN n.id AS i } RETURN i", ""),
    ("CALL db.labels() YIELD label RETURN label", ""),
    ("RETURN date.truncate('month', date('2024-05-06')) AS d, duration.between(date(), date()) AS x", ""),
]


@pytest.mark.parametrize(("statement", "refusal"), GUARD_TABLE)
def test_the_guard_refuses_writes_escapes_and_many_statements_before_sending(statement, refusal):
    if not refusal:
        assert check_read_only(statement) == statement.strip()
        return
    with pytest.raises(CypherRefused) as err:
        check_read_only(statement)
    message = str(err.value)
    assert refusal in message and message.startswith("refused: ") and "\n" not in message


def test_a_trailing_semicolon_is_one_statement():
    assert check_read_only("MATCH (n) RETURN n ;  ") == "MATCH (n) RETURN n"


def test_every_named_query_passes_the_guard():
    for name in query_names():
        check_read_only(load_cypher(name))


# ---------------------------------------------------------------------- against the server

bolt = pytest.mark.bolt


@pytest.fixture
def store(bolt_settings):
    s = Neo4jStore.connect(bolt_settings)
    wipe(s)
    for i in range(60):
        s._write("CREATE (:Actor {id: $id, name: $name})", id=f"actor:{i}", name=f"企业{i}")
    s._write("CREATE (:Law {id: 'law:甲', name: '甲法'})")
    yield s
    wipe(s)


def _names(store, label):
    return sorted(r["n"] for r in store._read(f"MATCH (x:{label}) RETURN x.name AS n", {}))


@bolt
@pytest.mark.parametrize("statement", [
    "MATCH (n:Law) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS",
    "MATCH (n:Actor) CALL { WITH n SET n.name = 'HACKED' } IN TRANSACTIONS",
    "MATCH (n:Actor) CALL { WITH n SET n.name = 'HACKED' } IN TRANSACTIONS RETURN count(*) AS c",
])
def test_call_in_transactions_changes_nothing(store, statement):
    before = (_names(store, "Law"), _names(store, "Actor"))
    with pytest.raises(StoreError, match="read-only|IN TRANSACTIONS"):
        store.read(statement)
    assert (_names(store, "Law"), _names(store, "Actor")) == before


@bolt
def test_load_csv_never_reads_a_file_of_the_database_host(store):
    with pytest.raises(StoreError, match="LOAD CSV") as err:
        store.read("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row")
    assert "root:" not in str(err.value)


@bolt
def test_the_test_server_itself_refuses_file_urls(store):
    """The server is locked down as docs/NEO4J.md says a production one must be: the guard is the
    second line, not the only one."""
    with pytest.raises(Exception, match="(?i)file.*(disabled|not allowed)|allow_csv_import") as err:
        store._read("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row", {})
    assert "root:" not in str(err.value)


@bolt
def test_console_rows_stop_at_the_cap_and_say_so(store):
    rows = store.read("MATCH (a:Actor), (b:Actor) RETURN a.name AS a, b.name AS b", row_cap=100)
    assert len(rows) == 100 and rows.truncated and rows.cap == 100
    whole = store.read("MATCH (a:Actor) RETURN a.name AS a", row_cap=100)
    assert len(whole) == 60 and not whole.truncated


@bolt
def test_the_console_cap_is_on_by_default(store):
    rows = store.read("MATCH (a:Actor), (b:Actor) RETURN a.name AS a, b.name AS b")
    assert rows.truncated and len(rows) == rows.cap < 60 * 60


@pytest.fixture(scope="module")
def short_limit_settings():
    """A server whose statements stop after 2 s: ArcadeDB ignores the driver's transaction timeout,
    so its own `arcadedb.command.timeout` stands in; a real Neo4j (NEO4J_URI) honours the driver's."""
    external = settings_from_env()
    if external is not None:
        yield external
        return
    with BoltServer(heap="256m", command_timeout_ms=2000) as server:
        yield server.settings
        close_drivers()


@bolt
def test_a_runaway_query_stops_at_the_time_limit_with_one_line(short_limit_settings):
    store = Neo4jStore.connect(short_limit_settings, schema=False)
    wipe(store)
    store._write("UNWIND range(1, 200) AS i CREATE (:Actor {id: 'actor:' + toString(i), name: toString(i)})")
    cartesian = ("MATCH (a:Actor), (b:Actor), (c:Actor), (d:Actor) "
                 "WHERE a.name + b.name + c.name + d.name = 'none' RETURN count(*) AS c")
    try:
        with pytest.raises(StoreError, match=r"stopped after 2 s, the time limit") as err:
            store.read(cartesian, timeout=2)
        assert "\n" not in str(err.value)
        assert store.read("MATCH (a:Actor) RETURN count(a) AS c") == [{"c": 200}]  # the server still answers
    finally:
        wipe(store)



@pytest.mark.parametrize(("password", "text", "shown"), [
    ("o", "Neo4j at bolt://root@h refused user 'root'", "Neo4j at bolt://root@h refused user 'root'"),
    ("o", "auth o failed", "auth *** failed"),
    ("ro", "user root, password ro", "user root, password ***"),
    ("hunter2-long", "token=xhunter2-longx", "token=x***x"),
    ("hunter2", "auth 'hunter2' failed", "auth '***' failed"),
])
def test_masking_never_shows_where_a_passwords_letters_are(password, text, shown):
    from graph.settings import Neo4jSettings

    assert Neo4jSettings("bolt://h", "u", password).redact(text) == shown
