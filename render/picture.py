"""A `Scene` drawn twice: as SVG text and as a PNG through Pillow with a CJK font, so Chinese
labels come out the same in both and need no browser."""

from __future__ import annotations

import io
import math
from typing import Any
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from render.fonts import CJK_FONT_FAMILY, pil_font, text_width
from render.scenes import PlacedEdge, Scene



def _shape_points(shape: str, x: float, y: float, r: float) -> list[tuple[float, float]] | None:
    """Polygon corners for a vis-network shape; None for round shapes."""
    if shape == "square":
        q = r * 0.9
        return [(x - q, y - q), (x + q, y - q), (x + q, y + q), (x - q, y + q)]
    if shape == "diamond":
        return [(x, y - r * 1.15), (x + r * 1.15, y), (x, y + r * 1.15), (x - r * 1.15, y)]
    if shape in ("triangle", "triangleDown"):
        sign = 1 if shape == "triangle" else -1
        return [(x, y - sign * r * 1.2), (x + r * 1.1, y + sign * r * 0.75), (x - r * 1.1, y + sign * r * 0.75)]
    if shape == "hexagon":
        return [(x + r * math.cos(math.pi / 3 * k), y + r * math.sin(math.pi / 3 * k)) for k in range(6)]
    if shape == "star":
        pts = []
        for k in range(10):
            rr = r * (1.25 if k % 2 == 0 else 0.55)
            a = -math.pi / 2 + k * math.pi / 5
            pts.append((x + rr * math.cos(a), y + rr * math.sin(a)))
        return pts
    return None


def _arrow(e: PlacedEdge, size: float) -> list[tuple[float, float]]:
    dx, dy = e.x2 - e.x1, e.y2 - e.y1
    d = math.hypot(dx, dy) or 1.0
    ux, uy = dx / d, dy / d
    bx, by = e.x2 - ux * size, e.y2 - uy * size
    return [(e.x2, e.y2), (bx - uy * size * 0.5, by + ux * size * 0.5), (bx + uy * size * 0.5, by - ux * size * 0.5)]


def _legend_layout(sc: Scene) -> list[tuple[float, float, str, str, str]]:
    """(x, baseline y, shape, colour, name) per legend entry, left to right along the bottom."""
    out = []
    size = sc.legend_size
    x = 24 * sc.width / 1600
    y = sc.height - size * 0.8
    for shape, colour, name in sc.legend:
        out.append((x, y, shape, colour, name))
        x += size * 1.6 + text_width(name, size) + size * 1.2
    return out


def svg_text(sc: Scene) -> str:
    """The scene as a standalone SVG document (UTF-8 text, Chinese labels as text)."""
    th = sc.theme
    out = [(f'<svg xmlns="http://www.w3.org/2000/svg" width="{sc.width}" height="{sc.height}" '
            f'viewBox="0 0 {sc.width} {sc.height}" font-family="{xml_escape(CJK_FONT_FAMILY)}">'),
           f'<rect width="100%" height="100%" fill="{th.background}"/>']
    if sc.title:
        out.append(f'<text x="{sc.width / 2:.1f}" y="{24 * sc.width / 1600 + sc.title_size:.1f}" '
                   f'font-size="{sc.title_size:.1f}" font-weight="bold" text-anchor="middle" '
                   f'fill="{th.text}">{xml_escape(sc.title)}</text>')
    for e in sc.edges:
        dash = f' stroke-dasharray="{8 * e.width / 2:.1f},{6 * e.width / 2:.1f}"' if e.dashed else ""
        out.append(f'<line x1="{e.x1:.1f}" y1="{e.y1:.1f}" x2="{e.x2:.1f}" y2="{e.y2:.1f}" stroke="{e.colour}" '
                   f'stroke-width="{e.width:.1f}" stroke-opacity="0.85"{dash}/>')
        if e.arrow:
            pts = " ".join(f"{px:.1f},{py:.1f}" for px, py in _arrow(e, e.width * 5))
            out.append(f'<polygon points="{pts}" fill="{e.colour}"/>')
        if e.label:
            out.append(_svg_label((e.x1 + e.x2) / 2, (e.y1 + e.y2) / 2 + sc.font_size * 0.3, e.label,
                                  sc.font_size * 0.75, th.muted, th.halo))
    for n in sc.nodes:
        stroke = th.border
        sw = (4 if n.focus else 1.5) * sc.width / 1600
        pts = _shape_points(n.shape, n.x, n.y, n.r)
        if pts:
            out.append(f'<polygon points="{" ".join(f"{px:.1f},{py:.1f}" for px, py in pts)}" fill="{n.colour}" '
                       f'stroke="{stroke}" stroke-width="{sw:.1f}"/>')
        else:
            out.append(f'<circle cx="{n.x:.1f}" cy="{n.y:.1f}" r="{n.r:.1f}" fill="{n.colour}" stroke="{stroke}" '
                       f'stroke-width="{sw:.1f}"/>')
        for k, line in enumerate(n.lines):
            out.append(_svg_label(n.x, n.box[1] + sc.font_size * (0.95 + 1.25 * k), line, sc.font_size, th.text,
                                  th.halo, bold=n.focus))
    for x, y, shape, colour, name in _legend_layout(sc):
        size = sc.legend_size
        pts = _shape_points(shape, x + size / 2, y - size * 0.35, size * 0.42)
        if pts:
            out.append(f'<polygon points="{" ".join(f"{px:.1f},{py:.1f}" for px, py in pts)}" fill="{colour}"/>')
        else:
            out.append(f'<circle cx="{x + size / 2:.1f}" cy="{y - size * 0.35:.1f}" r="{size * 0.42:.1f}" '
                       f'fill="{colour}"/>')
        out.append(f'<text x="{x + size * 1.3:.1f}" y="{y:.1f}" font-size="{size:.1f}" fill="{th.muted}">'
                   f'{xml_escape(name)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _svg_label(x: float, y: float, text: str, size: float, fill: str, halo: str, bold: bool = False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size:.1f}" text-anchor="middle" fill="{fill}" '
            f'stroke={quoteattr(halo)} stroke-width="{size / 6:.1f}" paint-order="stroke" '
            f'stroke-linejoin="round"{weight}>{xml_escape(text)}</text>')


def png_bytes(sc: Scene, supersample: int = 2) -> bytes:
    """The scene as a PNG of exactly `sc.width` × `sc.height` pixels (drawn large, then scaled down smoothly)."""
    from PIL import Image, ImageDraw

    k = max(1, supersample)
    img = Image.new("RGB", (sc.width * k, sc.height * k), sc.theme.background)
    draw = ImageDraw.Draw(img)
    th = sc.theme

    def text(x: float, y: float, s: str, size: float, fill: str, bold: bool = False, anchor: str = "ms") -> None:
        draw.text((x * k, y * k), s, font=pil_font(round(size * k), bold), fill=fill, anchor=anchor,
                  stroke_width=max(1, round(size * k / 7)), stroke_fill=th.halo)

    if sc.title:
        text(sc.width / 2, 24 * sc.width / 1600 + sc.title_size, sc.title, sc.title_size, th.text, bold=True)
    for e in sc.edges:
        a, b = (e.x1 * k, e.y1 * k), (e.x2 * k, e.y2 * k)
        w = max(1, round(e.width * k))
        if e.dashed:
            _dashed(draw, a, b, e.colour, w, 8 * e.width / 2 * k, 6 * e.width / 2 * k)
        else:
            draw.line([a, b], fill=e.colour, width=w)
        if e.arrow:
            draw.polygon([(px * k, py * k) for px, py in _arrow(e, e.width * 5)], fill=e.colour)
        if e.label:
            text((e.x1 + e.x2) / 2, (e.y1 + e.y2) / 2 + sc.font_size * 0.3, e.label, sc.font_size * 0.75, th.muted)
    for n in sc.nodes:
        sw = max(1, round((4 if n.focus else 1.5) * sc.width / 1600 * k))
        pts = _shape_points(n.shape, n.x, n.y, n.r)
        if pts:
            draw.polygon([(px * k, py * k) for px, py in pts], fill=n.colour, outline=th.border, width=sw)
        else:
            draw.ellipse([(n.x - n.r) * k, (n.y - n.r) * k, (n.x + n.r) * k, (n.y + n.r) * k], fill=n.colour,
                         outline=th.border, width=sw)
        for j, line in enumerate(n.lines):
            text(n.x, n.box[1] + sc.font_size * (0.95 + 1.25 * j), line, sc.font_size, th.text, bold=n.focus)
    for x, y, shape, colour, name in _legend_layout(sc):
        size = sc.legend_size
        pts = _shape_points(shape, x + size / 2, y - size * 0.35, size * 0.42)
        if pts:
            draw.polygon([(px * k, py * k) for px, py in pts], fill=colour)
        else:
            cx, cy, r = x + size / 2, y - size * 0.35, size * 0.42
            draw.ellipse([(cx - r) * k, (cy - r) * k, (cx + r) * k, (cy + r) * k], fill=colour)
        text(x + size * 1.3, y, name, size, th.muted, anchor="ls")
    if k > 1:
        img = img.resize((sc.width, sc.height), Image.LANCZOS)
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=False)
    return buf.getvalue()


def _dashed(draw: Any, a: tuple[float, float], b: tuple[float, float], fill: str, width: int, dash: float,
            gap: float) -> None:
    dx, dy = b[0] - a[0], b[1] - a[1]
    d = math.hypot(dx, dy)
    if d == 0:
        return
    ux, uy = dx / d, dy / d
    pos = 0.0
    while pos < d:
        end = min(d, pos + dash)
        draw.line([(a[0] + ux * pos, a[1] + uy * pos), (a[0] + ux * end, a[1] + uy * end)], fill=fill, width=width)
        pos = end + gap
