"""Writing output files whole or not at all, safely in a shared folder: the one `write_atomic`
every writer of the project uses (render, the graph and loader command lines).

>>> import tempfile
>>> target = Path(tempfile.mkdtemp()) / "tour.yaml"
>>> write_atomic(target, "steps: []\\n").read_text()
'steps: []\\n'
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: str | os.PathLike, content: bytes | str) -> Path:
    """Write `content` to `path` through a temp file in the same folder, then rename, so a reader
    never sees half a file and a failure leaves any previous file as it was.

    The temp file has a random name and is created with ``O_EXCL`` (`tempfile.mkstemp`): a symlink
    planted under a guessable name is never followed, and two writers never share a temp file (the
    last rename wins, each file whole). The rename replaces a symlink at `path` itself rather than
    writing through it. Raises OSError (the temp file removed) when the folder cannot be written.
    """
    path = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else bytes(content)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return path


def _mode_for(path: Path) -> int:
    """The permissions of the file being replaced (a regular one), else rw-r--r--: mkstemp's 0600
    would make an export unreadable to the people it is for."""
    try:
        info = os.lstat(path)
    except OSError:
        return 0o644
    return info.st_mode & 0o777 if not os.path.islink(path) else 0o644
