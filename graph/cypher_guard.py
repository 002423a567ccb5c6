"""Refuse user Cypher that could write, escape the graph or run more than one statement, before
it is sent to the server.

The read transaction (server access mode) is the first guard, but not every server enforces
it (ArcadeDB does not), and some statements escape a transaction altogether:
``CALL { … } IN TRANSACTIONS`` commits its inner transactions on its own, ``LOAD CSV`` reads
files on the database host. So the console's statement is tokenised here (strings, comments
and back-quoted names set apart) and refused when it has:

- a write or administration clause (`WRITE_WORDS`);
- ``LOAD CSV``, ``… IN TRANSACTIONS``, ``USE`` or a ``SHOW`` command;
- a procedure call (``CALL name``) outside `READ_PROCEDURES`, or a function of a namespace
  outside `FUNCTION_NAMESPACES` (``apoc.cypher.run…`` and friends run arbitrary Cypher);
- more than one statement.

>>> check_read_only("MATCH (n:Actor) RETURN n.name AS name LIMIT 10")
'MATCH (n:Actor) RETURN n.name AS name LIMIT 10'
>>> check_read_only("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS")
Traceback (most recent call last):
...
graph.cypher_guard.CypherRefused: refused: the console is read-only and DETACH writes (nothing was sent)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Clauses that write data or schema, or administer the server (Neo4j 5 and GQL's INSERT).
WRITE_WORDS = frozenset("""CREATE MERGE DELETE DETACH SET REMOVE DROP FOREACH INSERT ALTER RENAME GRANT
    DENY REVOKE START STOP TERMINATE ENABLE DEALLOCATE REALLOCATE""".split())
# Read-only procedures the console may call: the schema a user needs to write a query.
READ_PROCEDURES = frozenset(("db.labels", "db.relationshiptypes", "db.propertykeys",
                             "db.schema.nodetypeproperties", "db.schema.reltypeproperties"))
# Namespaces of Cypher's own (read-only) functions; any other dotted function is refused.
FUNCTION_NAMESPACES = frozenset(("date", "datetime", "localdatetime", "localtime", "time", "duration",
                                 "point", "vector", "db"))

_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
  | (?P<quoted>`(?:[^`]|``)*`)
  | (?P<word>[^\W\d]\w*)
  | (?P<number>\d[\w.]*)
  | (?P<unclosed>/\*|['"`])
  | (?P<punct>.)
""", re.VERBOSE | re.DOTALL)


class CypherRefused(ValueError):
    """The statement was refused before it was sent; the message is one line saying why."""


@dataclass(frozen=True)
class Token:
    kind: str  # word, quoted, string, number, punct
    text: str

    @property
    def upper(self) -> str:
        return self.text.upper()


def tokens(statement: str) -> list[Token]:
    """The statement's tokens, without spaces and comments.

    >>> [t.text for t in tokens("RETURN 'a;b' /* CREATE */ AS `x y` // DELETE")]
    ['RETURN', "'a;b'", 'AS', '`x y`']
    """
    out = []
    for m in _TOKEN.finditer(statement):
        kind = m.lastgroup
        if kind == "unclosed":
            raise CypherRefused("refused: an unclosed string, name or comment (nothing was sent)")
        if kind not in ("space", "comment"):
            out.append(Token(kind, m.group()))
    return out


def check_read_only(statement: str) -> str:
    """`statement` without a trailing semicolon if the console may run it; else `CypherRefused`.

    >>> check_read_only("CALL db.labels() YIELD label RETURN label;")
    'CALL db.labels() YIELD label RETURN label'
    """
    toks = tokens(statement)
    if not toks:
        raise CypherRefused("refused: the statement is empty (nothing was sent)")
    if toks[-1].text == ";":
        toks = toks[:-1]
        statement = statement[:statement.rstrip().rfind(";")]
    for i, tok in enumerate(toks):
        reason = _refusal(toks, i)
        if reason:
            raise CypherRefused(f"refused: {reason} (nothing was sent)")
    return statement.strip()


def _refusal(toks: list[Token], i: int) -> str | None:
    tok = toks[i]
    if tok.text == ";":
        return "one statement at a time"
    if tok.kind not in ("word", "quoted") or _is_name(toks, i):
        return None
    if i + 2 < len(toks) and toks[i + 1].text == "." and not _after_dot(toks, i):
        name, end = _dotted(toks, i)
        called = end < len(toks) and toks[end].text == "("
        if called and name.split(".")[0].lower() not in FUNCTION_NAMESPACES:
            return f"function {name} is not allowed in the console (only Cypher's own functions)"
    if tok.kind != "word":
        return None
    word = tok.upper
    if word in WRITE_WORDS:
        return f"the console is read-only and {word} writes"
    if word == "LOAD":
        return "LOAD CSV reads files and URLs on the database host; the console reads only the graph"
    if word == "TRANSACTIONS":
        return "CALL { … } IN TRANSACTIONS commits on its own; the console is read-only"
    if word in ("USE", "SHOW"):
        return f"{word} is not allowed in the console: it queries this graph only"
    if word == "CALL" and i + 1 < len(toks) and toks[i + 1].text not in ("{", "("):
        name = _dotted(toks, i + 1)[0]
        if name.lower() not in READ_PROCEDURES:
            allowed = ", ".join(sorted(READ_PROCEDURES))
            return f"procedure {name} is not on the console's read-only list ({allowed})"
    return None


def _is_name(toks: list[Token], i: int) -> bool:
    """A property key (``n.set``), label (``:Delete``), parameter (``$create``) or map key
    (``{merge: 1}``) spelled like a keyword is a name, not a clause."""
    before = toks[i - 1].text if i else ""
    after = toks[i + 1].text if i + 1 < len(toks) else ""
    return before in (".", ":", "$") or after == ":"


def _after_dot(toks: list[Token], i: int) -> bool:
    return i > 0 and toks[i - 1].text == "."


def _dotted(toks: list[Token], i: int) -> tuple[str, int]:
    """The dotted name starting at token `i` (``apoc.cypher.run``, back-quotes removed) and the
    index of the token after it."""
    parts = []
    while i < len(toks) and toks[i].kind in ("word", "quoted"):
        parts.append(toks[i].text[1:-1].replace("``", "`") if toks[i].kind == "quoted" else toks[i].text)
        i += 1
        if i + 1 < len(toks) and toks[i].text == "." and toks[i + 1].kind in ("word", "quoted"):
            i += 1
        else:
            break
    return ".".join(parts), i
