"""Writing output files whole or not at all."""

from __future__ import annotations

from pathlib import Path


def write_atomic(path: str | Path, content: bytes | str) -> Path:
    """Write `content` to `path` through a temp file in the same folder, then rename, so a
    reader never sees half a file and a failure leaves any previous file as it was.
    Raises OSError (with the temp file removed) when the folder cannot be written.

    >>> import tempfile, os
    >>> target = Path(tempfile.mkdtemp()) / "tour.yaml"
    >>> write_atomic(target, "steps: []\\n").read_text()
    'steps: []\\n'
    """
    path = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass  # the folder itself is missing or unusable: there is no temp file to remove
        raise
    return path
