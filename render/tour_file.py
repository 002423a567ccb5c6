"""Tour files (YAML or JSON) -> checked plain data, within limits: a tour file comes from anyone.

- size: at most `MAX_BYTES`;
- YAML: no aliases (a 500-byte "billion laughs" file expands to gigabytes), at most `MAX_DEPTH`
  levels of nesting, both checked on the parser's event stream before anything is built;
- JSON: nesting deeper than `MAX_DEPTH` refused (Python's parser would raise RecursionError);
- every field of every step has its type checked (`step_fields`), counts are bounded, and
  duplicate step ids are found in one pass.

Each problem is one `TourError` line naming the file.

>>> parse_tour_text("a: &x [1]\\nb: *x\\n", "yaml", "t.yaml")
Traceback (most recent call last):
...
render.tour_file.TourError: t.yaml: YAML aliases (*name) are not allowed in a tour file
"""

from __future__ import annotations

import json
import os
import stat
from collections import Counter
from collections.abc import Mapping
from typing import Any

import yaml

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 20  # a tour is 5 levels deep: tour, steps, step, evidence, quote
MAX_STEPS = 500
MAX_IDS = 5000  # node ids of one step
MAX_TEXT = 100_000  # characters of one text field


class TourError(ValueError):
    """A tour cannot be built, read or written; `str(err)` is one line naming the file and reason."""


def read_tour_file(path: str | os.PathLike) -> bytes:
    """A tour file's bytes: a regular file of at most `MAX_BYTES` (a FIFO or device is refused at once)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise TourError(f"{path}: not a regular file")
            data = os.read(fd, MAX_BYTES + 1)
        finally:
            os.close(fd)
    except OSError as err:
        raise TourError(f"{path}: cannot read ({err.strerror or err})") from None
    if len(data) > MAX_BYTES:
        raise TourError(f"{path}: over the {MAX_BYTES:,}-byte limit for a tour file")
    return data


def parse_tour_text(content: str | bytes, fmt: str, source: str) -> Any:
    """The plain data of a YAML or JSON tour file, or TourError (one line naming `source`)."""
    size = len(content.encode("utf-8", "replace")) if isinstance(content, str) else len(content)
    if size > MAX_BYTES:
        raise TourError(f"{source}: {size:,} bytes, over the {MAX_BYTES:,}-byte limit for a tour file")
    if isinstance(content, bytes):
        try:
            content = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise TourError(f"{source}: not UTF-8 text") from None
    try:
        if fmt == "json":
            return json.loads(content)
        _check_yaml_events(content, source)
        return yaml.safe_load(content)
    except RecursionError:
        raise TourError(f"{source}: nested more than {MAX_DEPTH} levels deep") from None
    except (json.JSONDecodeError, yaml.YAMLError) as err:
        line = getattr(getattr(err, "problem_mark", None), "line", None)
        number = line + 1 if line is not None else getattr(err, "lineno", None)
        where = f" (line {number})" if number is not None else ""
        raise TourError(f"{source}: not valid {fmt.upper()}{where}") from None


def _check_yaml_events(content: str, source: str) -> None:
    depth = 0
    for event in yaml.parse(content, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            raise TourError(f"{source}: YAML aliases (*name) are not allowed in a tour file")
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise TourError(f"{source}: nested more than {MAX_DEPTH} levels deep")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def check_header(data: Any, fail, tour_format: str, tour_version: int, langs: tuple[str, ...]) -> str:
    """The tour's language, once its top level is checked; `fail(reason)` makes the TourError."""
    if not isinstance(data, Mapping):
        raise fail("not a tour (expected a mapping with title and steps)")
    if data.get("format", tour_format) != tour_format:
        raise fail(f"not a tour file (format is {str(data.get('format'))[:40]!r})")
    version = data.get("version", tour_version)
    if not isinstance(version, int) or isinstance(version, bool):
        raise fail(f"'version' must be a whole number, not {str(version)[:40]!r}")
    if version > tour_version:
        raise fail(f"tour version {version} is newer than this program reads ({tour_version})")
    for key in ("title", "doc_id"):
        _text(data.get(key), key, fail, optional=True)
    lang = data.get("lang", "zh")
    if lang not in langs:
        raise fail(f"unknown language {str(lang)[:20]!r}")
    steps = data.get("steps")
    if not isinstance(steps, list):
        raise fail("'steps' must be a list")
    if len(steps) > MAX_STEPS:
        raise fail(f"{len(steps):,} steps, over the {MAX_STEPS} limit")
    return lang


def step_fields(raw: Any, n: int, fail, known: set[str], kinds: tuple[str, ...],
                edge_types: set[str]) -> dict[str, Any]:
    """Step `n`'s fields, each of the right type, with defaults filled in."""
    if not isinstance(raw, Mapping):
        raise fail(f"step {n} is not a mapping")
    unknown = [str(k) for k in raw if k not in known]
    if unknown:
        raise fail(f"step {n} has unknown field(s) {', '.join(sorted(unknown))[:200]}")
    for key in ("id", "title"):
        if not isinstance(raw.get(key), str) or not raw[key]:
            raise fail(f"step {n} needs a text '{key}'")
        _text(raw[key], key, fail, n=n)
    kind = raw.get("kind", "custom")
    if not isinstance(kind, str) or kind not in kinds:
        raise fail(f"step {n} has unknown kind {str(kind)[:40]!r}")
    node_ids = _text_list(raw.get("node_ids"), "node_ids", fail, n)
    types = _text_list(raw.get("edge_types"), "edge_types", fail, n)
    bad = [t for t in types if t not in edge_types]
    if bad:
        raise fail(f"step {n}: unknown edge type(s) {', '.join(bad)[:200]}")
    skip = raw.get("skip", False)
    if not isinstance(skip, bool):
        raise fail(f"step {n}: 'skip' must be true or false")
    return {"id": raw["id"], "kind": kind, "title": raw["title"],
            "narrative": _text(raw.get("narrative"), "narrative", fail, n=n, optional=True),
            "node_ids": tuple(node_ids),
            "focus": _text(raw.get("focus"), "focus", fail, n=n, optional=True) or None,
            "evidence": [_quote(q, fail, n) for q in _list(raw.get("evidence"), "evidence", fail, n)],
            "edge_types": tuple(types), "skip": skip}


def check_unique_ids(ids: list[str], fail) -> None:
    """TourError when a step id is used twice (one counting pass, not one scan per id)."""
    dupes = sorted(i for i, c in Counter(ids).items() if c > 1)
    if dupes:
        raise fail(f"step id(s) used twice: {', '.join(dupes)[:200]}")


def _quote(q: Any, fail, n: int) -> dict[str, str]:
    if isinstance(q, str):
        q = {"text": q}
    if not isinstance(q, Mapping) or not _text(q.get("text"), "text", fail, n=n, optional=True):
        raise fail(f"step {n}: each evidence entry needs a 'text'")
    return {k: _text(q.get(k), k, fail, n=n, optional=True) for k in ("text", "source", "target", "type")}


def _text(value: Any, key: str, fail, n: int | None = None, optional: bool = False) -> str:
    where = f"step {n}: " if n is not None else ""
    if value is None and optional:
        return ""
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise fail(f"{where}'{key}' must be text")
    value = str(value)
    if len(value) > MAX_TEXT:
        raise fail(f"{where}'{key}' is {len(value):,} characters, over the {MAX_TEXT:,} limit")
    return value


def _list(value: Any, key: str, fail, n: int) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise fail(f"step {n}: '{key}' must be a list")
    if len(value) > MAX_IDS:
        raise fail(f"step {n}: '{key}' has {len(value):,} entries, over the {MAX_IDS:,} limit")
    return value


def _text_list(value: Any, key: str, fail, n: int) -> list[str]:
    items = _list(value, key, fail, n)
    if not all(isinstance(i, str) for i in items):
        raise fail(f"step {n}: '{key}' must be a list of texts")
    return items
