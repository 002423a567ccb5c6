"""Bad input: one clear line naming the file and the reason, or a best-effort graph with a warning —
never a traceback, never half-written output."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from cli_runner import Ran, run_main

from policykg import load_cli

from loaders import LoaderError, load_bytes, load_paths
from loaders.reading import MAX_BYTES

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "seed" / "zhejiang-platform-economy-2023.txt"
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
       b"\x1f\xf3\xffa\x00\x00\x00\x0bIDATx\x9cc\xf8\x0f\x00\x01\x01\x01\x00\x18\xdd\x8d\xb0"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")
PROSE = "今天天气很好，我们一起去公园散步。\n\n大家都很开心，傍晚才回家。\n"


@dataclass(frozen=True)
class Case:
    name: str  # file name
    data: bytes
    reason: str | None  # words of the expected error; None when a best-effort graph is also fine


def _seed() -> bytes:
    return SEED.read_bytes()


CASES = [
    Case("empty.txt", b"", "empty"),
    Case("scan.txt", PNG, "binary"),
    Case("scan.png", PNG, "unsupported file type"),
    Case("notes.xyz", "平台经济".encode("utf-8"), "unsupported file type '.xyz'"),
    Case("garbage.txt", bytes(range(0x80, 0x100)) * 8, None),
    Case("blank.html", b"<html><head><script>var x = 1;</script></head><body> <div></div> </body></html>",
         "no main text"),
]


def run(*args: str | Path) -> Ran:
    """`python -m loaders ARGS`, in process (`test_loader_cli` runs it once in a subprocess)."""
    return run_main(load_cli.main, args)


def assert_clean(proc: Ran, path: Path, reason: str | None, graph: bool) -> list[str]:
    """The CLI either failed with one line naming `path` and the reason, or made a graph and warned.
    Returns the stderr lines."""
    err = proc.stderr.decode("utf-8", "replace")
    lines = err.splitlines()
    assert "Traceback" not in err, err
    if proc.returncode != 0:
        assert not graph, f"expected a best-effort graph, got exit {proc.returncode}: {err}"
        assert proc.returncode > 0, proc.returncode  # not killed by a signal
        assert len(lines) == 1, lines
        assert str(path) in lines[0], lines[0]
        if reason:
            assert reason in lines[0], lines[0]
        assert proc.stdout == b""
    else:
        assert reason is None or graph, f"expected an error ({reason}), got exit 0: {err}"
        assert any(line.startswith("warning:") for line in lines), lines
        assert json.loads(proc.stdout)["nodes"]
    return lines


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_cli_rejects_or_warns(tmp_path, case):
    path = tmp_path / case.name
    path.write_bytes(case.data)
    assert_clean(run(path), path, case.reason, graph=False)


def test_prose_without_an_outline_gives_one_policy_node_and_a_warning(tmp_path):
    path = tmp_path / "prose.txt"
    path.write_text(PROSE, encoding="utf-8")
    proc = run(path)
    lines = assert_clean(proc, path, None, graph=True)
    assert any("outline" in line for line in lines if line.startswith("warning:")), lines
    nodes = json.loads(proc.stdout)["nodes"]
    assert [n["type"] for n in nodes].count("Policy") == 1


def test_a_20_mb_file_gets_the_size_error(tmp_path):
    path = tmp_path / "huge.txt"
    seed = _seed()
    path.write_bytes(seed * (20 * 1024 * 1024 // len(seed) + 1))
    assert path.stat().st_size > 2 * MAX_BYTES - len(seed)
    assert_clean(run(path), path, "over the 10.0 MB limit", graph=False)


def test_a_missing_file_is_named(tmp_path):
    path = tmp_path / "nowhere.txt"
    assert_clean(run(path), path, "no such file", graph=False)


def test_utf8_text_cut_mid_character_is_not_called_binary(tmp_path):
    # An interrupted download: the seed less its last byte, which splits the final "。".
    path = tmp_path / "cut.txt"
    path.write_bytes(_seed()[:-1])
    proc = run(path)
    lines = assert_clean(proc, path, None, graph=False)
    assert proc.returncode == 0 or "binary" not in lines[0], f"a text file reported as binary: {lines[0]}"


def test_a_name_with_spaces_and_chinese_characters_loads(tmp_path):
    path = tmp_path / "浙江 政策 副本.txt"
    path.write_bytes(_seed())
    proc = run(path)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    nodes = json.loads(proc.stdout)["nodes"]
    assert sum(n["type"] == "Measure" for n in nodes) == 25
    assert [n["source"] for n in nodes if n["type"] == "Policy"] == ["浙江 政策 副本.txt"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_load_bytes_error_starts_with_the_file_name(case):
    try:
        graph = load_bytes(case.data, case.name)
    except LoaderError as err:
        assert str(err).startswith(f"{case.name}: "), str(err)
        assert "\n" not in str(err)
        if case.reason:
            assert case.reason in str(err)
    else:
        assert case.reason is None, f"{case.name}: expected LoaderError ({case.reason})"
        assert graph.documents[0].warnings


def test_load_bytes_over_the_size_limit():
    with pytest.raises(LoaderError, match=r"^big\.txt: .*limit"):
        load_bytes(b"a" * (MAX_BYTES + 1), "big.txt")


def test_load_paths_names_a_missing_file(tmp_path):
    path = tmp_path / "nowhere.txt"
    with pytest.raises(LoaderError) as info:
        load_paths([SEED, path])
    assert str(info.value).startswith(f"{path}: ")


@pytest.mark.parametrize("fmt", ["json", "graphml"])
def test_a_bad_file_beside_a_good_one_is_named_and_the_good_one_written(tmp_path, fmt):
    # A corpus load (issue 10): one file that fails never stops the others.
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    out = tmp_path / f"graph.{fmt}"
    out.write_bytes(b"previous output\n")
    proc = run(SEED, bad, "--format", fmt, "--out", out)
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 0 and "Traceback" not in err, err
    assert f"error: {bad}: empty file" in err.splitlines()
    assert err.splitlines()[-1] == "loaded 1 of 2 files (1 failed)"
    assert "关于促进平台经济高质量发展的实施意见" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["json", "graphml"])
@pytest.mark.parametrize("existing", [None, b"previous output\n"], ids=["new", "existing"])
def test_when_no_file_loads_the_output_is_not_touched(tmp_path, fmt, existing):
    bad, worse = tmp_path / "empty.txt", tmp_path / "nowhere.txt"
    bad.write_bytes(b"")
    out = tmp_path / f"graph.{fmt}"
    if existing is not None:
        out.write_bytes(existing)
    proc = run(bad, worse, "--format", fmt, "--out", out)
    err = proc.stderr.decode("utf-8", "replace").splitlines()
    assert proc.returncode == 1 and proc.stdout == b""
    assert err[0].startswith(f"error: {bad}: empty") and err[1].startswith(f"error: {worse}: ")
    assert err[2:] == ["error: none of the 2 files loaded"]
    if existing is None:
        assert not out.exists()
    else:
        assert out.read_bytes() == existing
