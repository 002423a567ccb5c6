"""Neo4j connection settings from the environment or Streamlit secrets.

Environment variables win: ``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD``,
``NEO4J_DATABASE``. Otherwise a ``[neo4j]`` table (``uri``, ``user``,
``password``, ``database``) in ``.streamlit/secrets.toml`` is read with tomllib,
so nothing under graph/ imports streamlit. The password never shows in a repr,
a log line or an error message: use `Neo4jSettings.redact` on any text that
might carry it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    tomllib = None  # type: ignore[assignment]

MASK = "***"
LONG_PASSWORD = 8  # characters: no longer a likely piece of an ordinary word
SECRETS_PATHS = (Path(".streamlit/secrets.toml"), Path.home() / ".streamlit/secrets.toml")
_USERINFO = re.compile(r"^([a-z0-9+.-]+://)[^@/]*@", re.IGNORECASE)


@dataclass(frozen=True)
class Neo4jSettings:
    """Where and how to connect. `database` None means the server's default database.

    >>> Neo4jSettings("bolt://localhost:7687", "neo4j", "s3cret")
    Neo4jSettings(uri='bolt://localhost:7687', user='neo4j', password='***', database=None)
    """

    uri: str
    user: str = "neo4j"
    password: str = field(default="", repr=False)
    database: str | None = None

    def __repr__(self) -> str:
        return (f"Neo4jSettings(uri={self.safe_uri!r}, user={self.user!r}, "
                f"password={MASK if self.password else ''!r}, database={self.database!r})")

    __str__ = __repr__

    @property
    def safe_uri(self) -> str:
        """The URI without any ``user:password@`` part.

        >>> Neo4jSettings("neo4j://bob:pw@host:7687").safe_uri
        'neo4j://***@host:7687'
        """
        return _USERINFO.sub(lambda m: m.group(1) + MASK + "@", self.uri)

    def redact(self, text: str) -> str:
        """`text` with the password (and any URI user info) masked.

        >>> Neo4jSettings("bolt://h", password="hunter2").redact("auth hunter2 failed")
        'auth *** failed'

        A short password is masked only as a whole word: it is also a piece of many words, and
        masking those pieces would show where its letters are (password "o": "root" -> "r******t").
        One of `LONG_PASSWORD` characters or more is masked wherever it is.

        >>> Neo4jSettings("bolt://h", password="o").redact("user root: o is wrong")
        'user root: *** is wrong'
        """
        if self.password:
            if len(self.password) >= LONG_PASSWORD:
                text = text.replace(self.password, MASK)
            text = re.sub(rf"(?<!\w){re.escape(self.password)}(?!\w)", MASK, text)
        return text.replace(self.uri, self.safe_uri) if self.uri else text


def settings_from_env(env: Mapping[str, str] | None = None) -> Neo4jSettings | None:
    """Settings from NEO4J_* variables; None when NEO4J_URI is unset."""
    env = os.environ if env is None else env
    uri = env.get("NEO4J_URI", "").strip()
    if not uri:
        return None
    return Neo4jSettings(uri=uri, user=env.get("NEO4J_USER", "neo4j").strip() or "neo4j",
                         password=env.get("NEO4J_PASSWORD", ""),
                         database=env.get("NEO4J_DATABASE", "").strip() or None)


def settings_from_secrets(path: Path) -> Neo4jSettings | None:
    """Settings from the ``[neo4j]`` table of a Streamlit secrets file; None without one."""
    if tomllib is None or not path.is_file():
        return None
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8")).get("neo4j")
    except (OSError, ValueError):
        return None  # a broken secrets file is the app's to report; here it just holds no settings
    if not isinstance(table, dict) or not str(table.get("uri", "")).strip():
        return None
    return Neo4jSettings(uri=str(table["uri"]).strip(), user=str(table.get("user", "neo4j")),
                         password=str(table.get("password", "")),
                         database=str(table["database"]) if table.get("database") else None)


def load_settings(env: Mapping[str, str] | None = None,
                  secrets_paths: tuple[Path, ...] = SECRETS_PATHS) -> Neo4jSettings | None:
    """Environment first, then the first secrets file with a ``[neo4j]`` table; None if neither."""
    found = settings_from_env(env)
    for path in secrets_paths:
        if found is not None:
            break
        found = settings_from_secrets(path)
    return found
