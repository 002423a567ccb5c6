"""The one error every export raises: a line a person reads, naming the file or format and the reason."""


class ExportError(ValueError):
    """An export cannot be made; `str(err)` is one line naming the file or format and the reason."""
