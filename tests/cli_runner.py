"""Run a command line's `main` inside the test process, as `subprocess.run` would report it:
return code, stdout and stderr (bytes, or text with `text=True`). A subprocess costs a second of
interpreter start-up and imports; each command keeps one real subprocess smoke test."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(frozen=True)
class Ran:
    returncode: int
    stdout: bytes | str
    stderr: bytes | str


@contextmanager
def _environment(env: Mapping[str, str] | None):
    if env is None:
        yield
        return
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def run_main(main: Callable[[list[str]], int], args: Sequence[object], text: bool = False,
             env: Mapping[str, str] | None = None) -> Ran:
    """`main(args)` with stdout and stderr captured; an exit (argparse's) gives its code."""
    out, err = io.BytesIO(), io.BytesIO()
    streams = [io.TextIOWrapper(b, encoding="utf-8", write_through=True) for b in (out, err)]
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = streams
    try:
        with _environment(env):
            code = main([str(a) for a in args])
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    finally:
        for stream in streams:
            stream.flush()
        sys.stdout, sys.stderr = saved
    if text:
        return Ran(int(code or 0), out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8"))
    return Ran(int(code or 0), out.getvalue(), err.getvalue())
