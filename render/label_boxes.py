"""Where vis-network draws node labels, from a layout and the font's metrics, and a layout spread
until no two labels overlap.

Every shape the graph uses (dot, square, diamond, triangle, hexagon, star) draws its label centred
under the node, ``size + 3`` px below its centre (vis-network's ``ShapeBase``), one line per
``\\n``. The presenter's pages are fitted to their frame afterwards, which scales positions and
type alike, so a layout free of overlaps stays free of them on any screen.

>>> label_box(0, 0, 10, ["平台企业"], 20)
(-40.0, 13.0, 40.0, 38.0)
"""

from __future__ import annotations

from typing import Callable, Mapping, Sequence

from render.fonts import text_width

LABEL_OFFSET = 3.0  # px between a shape's lower edge and its label (vis-network)
LINE_HEIGHT = 1.25  # a label line, as a share of the font size (with the halo drawn around it)
Box = tuple[float, float, float, float]  # x0, y0, x1, y1


def label_box(x: float, y: float, radius: float, lines: Sequence[str], font: float) -> Box:
    """The box of a label of `lines` at `font` px under a node of `radius` at (x, y)."""
    width = max((text_width(line, font) for line in lines), default=0.0)
    top = y + radius + LABEL_OFFSET
    return (x - width / 2, top, x + width / 2, top + len(lines) * font * LINE_HEIGHT)


def intersect(a: Box, b: Box) -> bool:
    """True when the boxes share some area (touching edges do not count).

    >>> intersect((0, 0, 10, 10), (5, 5, 15, 15)), intersect((0, 0, 10, 10), (10, 0, 20, 10))
    (True, False)
    """
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def overlapping(boxes: Mapping[str, Box]) -> list[tuple[str, str]]:
    """Every pair of ids whose boxes intersect, in id order.

    >>> overlapping({"a": (0, 0, 10, 10), "b": (5, 5, 15, 15), "c": (20, 20, 30, 30)})
    [('a', 'b')]
    """
    ids = sorted(boxes, key=lambda i: (boxes[i][0], i))
    found = []
    for n, i in enumerate(ids):
        for j in ids[n + 1:]:
            if boxes[j][0] >= boxes[i][2]:
                break
            if intersect(boxes[i], boxes[j]):
                found.append(tuple(sorted((i, j))))
    return sorted(found)


# Spread until labels clear each other by a little more than the model says they need: the browser's
# text metrics and halo differ from `text_width` by a few per cent.
CLEARANCE = 0.2  # of a box's height, added on each side


def _with_clearance(boxes: Mapping[str, Box]) -> dict[str, Box]:
    return {i: (x0 - CLEARANCE * (y1 - y0), y0 - CLEARANCE * (y1 - y0) / 2,
                x1 + CLEARANCE * (y1 - y0), y1 + CLEARANCE * (y1 - y0) / 2)
            for i, (x0, y0, x1, y1) in boxes.items()}


def spread_until_clear(pos: Mapping[str, tuple[float, float]],
                       boxes_at: Callable[[Mapping[str, tuple[float, float]]], Mapping[str, Box]],
                       factor: float = 1.12, rounds: int = 60) -> dict[str, tuple[float, float]]:
    """`pos` moved apart from its centre, a little at a time, until `boxes_at(pos)`, each box
    given `CLEARANCE` around it, has no overlap (labels keep their size, so distance wins in the end); `pos` itself when it is clear already.

    >>> boxes = lambda p: {i: (x - 10, y, x + 10, y + 5) for i, (x, y) in p.items()}
    >>> spread_until_clear({"a": (0, 0), "b": (15, 0)}, boxes)
    {'a': (-4.3, 0.0), 'b': (19.3, 0.0)}
    """
    current = {i: (float(x), float(y)) for i, (x, y) in pos.items()}
    if not current:
        return current
    cx = sum(x for x, _ in current.values()) / len(current)
    cy = sum(y for _, y in current.values()) / len(current)
    scale = 1.0
    for _ in range(rounds):
        if not overlapping(_with_clearance(boxes_at(current))):
            break
        scale *= factor
        current = {i: (round(cx + (x - cx) * scale, 1), round(cy + (y - cy) * scale, 1))
                   for i, (x, y) in pos.items()}
    return current
