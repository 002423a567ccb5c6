"""The app's own custom components (Streamlit v2: inline HTML, CSS and JS, no iframe, no build step),
each registered from its files in ``app_pages/assets``."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Sequence

import streamlit as st

ASSETS = Path(__file__).resolve().parent / "assets"


def asset_component(name: str, stem: str, *, scripts: Sequence[str] = (), js_prefix: str = "",
                    isolate_styles: bool = True) -> Callable[..., Any]:
    """Register component `name` from ``assets/<stem>.html`` and ``.css``, and its `scripts` (by
    default ``<stem>.js``) joined into one module after `js_prefix`. Call it once (cache the result)."""
    def read(file: str) -> str:
        return (ASSETS / file).read_text(encoding="utf-8")

    return st.components.v2.component(
        name, html=read(f"{stem}.html"), css=read(f"{stem}.css"),
        js=js_prefix + "\n".join(read(file) for file in (scripts or (f"{stem}.js",))),
        isolate_styles=isolate_styles)
