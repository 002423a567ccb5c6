"""The one error loaders raise: it names the file and the reason."""

from __future__ import annotations


class LoaderError(ValueError):
    """A document could not be loaded. `str(err)` is one line: ``<file>: <reason>``; a file name
    that could break or fake that line (a line break, a control character, ``": "``) is quoted.

    >>> str(LoaderError("意见.txt", "empty file"))
    '意见.txt: empty file'
    >>> str(LoaderError("a\\nb: fake.txt", "empty file"))
    "'a\\\\nb: fake.txt': empty file"
    """

    def __init__(self, source: str, reason: str):
        self.source = str(source)
        self.reason = " ".join(str(reason).split())
        super().__init__(f"{shown_name(self.source)}: {self.reason}")


def shown_name(name: str) -> str:
    """`name` as it can stand in a one-line message: quoted (with escapes) when it holds a control
    character, a line or paragraph separator or ``": "``, else as it is.

    >>> shown_name("通知.docx"), shown_name("x\\r.txt")
    ('通知.docx', "'x\\\\r.txt'")
    """
    if ": " in name or any(ord(c) < 32 or c in "\x7f\x85\u2028\u2029" for c in name) or name != name.strip():
        return repr(name)
    return name
