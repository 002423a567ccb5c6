"""Run every ``bench/bench_*.py`` module's ``main()``, or only those named.

    python -m bench            # all of them, in name order
    python -m bench store      # bench/bench_store.py only

A bench that fails is reported and the others still run; the exit status is non-zero then.
"""

from __future__ import annotations

import importlib
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent


def bench_names() -> list[str]:
    return sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))


def main(argv: list[str] | None = None) -> int:
    wanted = list(sys.argv[1:] if argv is None else argv) or bench_names()
    unknown = sorted(set(wanted) - set(bench_names()))
    if unknown:
        print(f"error: no bench named {', '.join(unknown)}; there are: {', '.join(bench_names())}",
              file=sys.stderr)
        return 2
    failed = []
    for name in wanted:
        print(f"=== bench_{name} ===", flush=True)
        started = time.perf_counter()
        try:
            module = importlib.import_module(f"bench.bench_{name}")
            status = module.main()
        except Exception:  # one broken bench must not hide the others' figures
            traceback.print_exc()
            status = 1
        if status:
            failed.append(name)
        outcome = "failed" if status else "done"
        print(f"=== bench_{name}: {outcome} in {time.perf_counter() - started:.0f} s ===\n", flush=True)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
