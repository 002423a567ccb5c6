"""One look per node and edge type, shared by the explorer, tours and exports.

Colours are picked to stay apart for the common colour-vision deficiencies and
to keep dark label text readable on top of them. Shapes follow vis-network names.

>>> style_of("Law")["shape"]
'square'
>>> colour_of("NoSuchType")
'#9e9e9e'
"""

from __future__ import annotations

from graph.model import EdgeType, Label

# Outline nodes in muted blues; the shared entities they link to stand out in warm or strong colours.
NODE_STYLES: dict[str, dict[str, str]] = {
    Label.POLICY.value: {"colour": "#1f3b73", "shape": "star"},
    Label.PART.value: {"colour": "#4f6fa8", "shape": "hexagon"},
    Label.SECTION.value: {"colour": "#86a7d6", "shape": "square"},
    Label.MEASURE.value: {"colour": "#a9c8ec", "shape": "dot"},
    Label.ITEM.value: {"colour": "#d3dde9", "shape": "dot"},
    Label.CHAPTER.value: {"colour": "#35558f", "shape": "hexagon"},
    Label.ARTICLE.value: {"colour": "#c0d6ef", "shape": "dot"},
    Label.TARGET_SYSTEM.value: {"colour": "#f2b134", "shape": "triangle"},
    Label.ACTOR.value: {"colour": "#e4572e", "shape": "diamond"},
    Label.LAW.value: {"colour": "#6a4c93", "shape": "square"},
    Label.MECHANISM.value: {"colour": "#2a9d8f", "shape": "triangleDown"},
    Label.PROGRAMME.value: {"colour": "#7fb069", "shape": "hexagon"},
    Label.CONCEPT.value: {"colour": "#b5b5b5", "shape": "dot"},
    Label.POLICY_DOCUMENT.value: {"colour": "#8e6cc0", "shape": "square"},
}
# Every shape draws its label underneath, so node size can carry centrality for all types.
DEFAULT_NODE_STYLE = {"colour": "#9e9e9e", "shape": "dot"}

EDGE_COLOURS: dict[str, str] = {
    EdgeType.HAS_PART.value: "#9fb3cf",
    EdgeType.HAS_SECTION.value: "#9fb3cf",
    EdgeType.HAS_MEASURE.value: "#9fb3cf",
    EdgeType.HAS_ITEM.value: "#9fb3cf",
    EdgeType.HAS_CHAPTER.value: "#9fb3cf",
    EdgeType.HAS_ARTICLE.value: "#9fb3cf",
    EdgeType.BUILDS.value: "#d99a1e",
    EdgeType.INVOLVES.value: "#e4572e",
    EdgeType.CITES.value: "#6a4c93",
    EdgeType.ESTABLISHES.value: "#2a9d8f",
    EdgeType.RUNS.value: "#6f9a62",
    EdgeType.MENTIONS.value: "#a0a0a0",
    EdgeType.CROSS_REFERENCES.value: "#3d7dd8",
    EdgeType.ISSUED_BY.value: "#1f3b73",
    EdgeType.ASSIGNED_TO.value: "#b5391a",
    EdgeType.REFERS_TO.value: "#5b8fd9",
    EdgeType.IMPLEMENTS.value: "#2f7f5f",
    EdgeType.AMENDS.value: "#c0392b",
    EdgeType.LOADED_AS.value: "#6a4c93",
}
DEFAULT_EDGE_COLOUR = "#b0b0b0"

# Documents in the document network, by the level of their issuer.
LEVEL_COLOURS: dict[str, str] = {
    "national": "#b2182b", "provincial": "#ef8a62", "city": "#67a9cf", "county": "#2166ac", "unknown": "#9e9e9e",
}

# A text glyph per vis-network shape, for legends drawn in HTML.
SHAPE_GLYPHS: dict[str, str] = {
    "dot": "●", "diamond": "◆", "square": "■", "triangle": "▲", "triangleDown": "▼",
    "star": "★", "hexagon": "⬢", "ellipse": "⬬", "box": "▬",
}

# Order in which legends list the types: the document first, then what it links to.
NODE_ORDER: tuple[str, ...] = tuple(NODE_STYLES)
EDGE_ORDER: tuple[str, ...] = tuple(EDGE_COLOURS)


def style_of(node_type: str) -> dict[str, str]:
    """``{"colour", "shape"}`` for a node type (its label value).

    >>> style_of("Actor")["colour"]
    '#e4572e'
    """
    return dict(NODE_STYLES.get(str(node_type), DEFAULT_NODE_STYLE))


def colour_of(node_type: str) -> str:
    """The fill colour for a node type.

    >>> colour_of("Law")
    '#6a4c93'
    """
    return style_of(node_type)["colour"]


def shape_of(node_type: str) -> str:
    """The vis-network shape for a node type.

    >>> shape_of("TargetSystem")
    'triangle'
    """
    return style_of(node_type)["shape"]


def glyph_of(node_type: str) -> str:
    """A text glyph drawing the type's shape, for legends.

    >>> glyph_of("Actor")
    '◆'
    """
    return SHAPE_GLYPHS.get(shape_of(node_type), "●")


def edge_colour_of(edge_type: str) -> str:
    """The line colour for an edge type.

    >>> edge_colour_of("CITES")
    '#6a4c93'
    """
    return EDGE_COLOURS.get(str(edge_type), DEFAULT_EDGE_COLOUR)


def highlight_colour_of(node_type: str) -> str:
    """A light tint of the type colour, for marking words in running text.

    >>> highlight_colour_of("Actor")
    '#f7cdc0'
    """
    hex_colour = colour_of(node_type).lstrip("#")
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (0, 2, 4))
    # 70 % towards white keeps black text readable on every type colour.
    tint = [round(c + (255 - c) * 0.7) for c in (r, g, b)]
    return "#" + "".join(f"{c:02x}" for c in tint)


# Categorical fills for table cells (roles in a matrix): light enough for dark text on top.
CATEGORY_FILLS = ("#a6cee3", "#fdbf6f", "#b2df8a", "#fb9a99", "#cab2d6", "#ffff99", "#8dd3c7", "#fccde5",
                  "#d9d9d9", "#bc80bd")


def shade(colour: str, share: float) -> str:
    """`colour` mixed into white: `share` 0 is white, 1 the colour itself (a heatmap cell's fill).

    >>> shade("#e4572e", 1.0), shade("#e4572e", 0.0), shade("#000000", 0.5)
    ('#e4572e', '#ffffff', '#808080')
    """
    share = min(1.0, max(0.0, share))
    rgb = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 - (255 - c) * share):02x}" for c in rgb)


def category_fills(values: list[str]) -> dict[str, str]:
    """A fill per distinct value, in order of first appearance (repeating after ten).

    >>> category_fills(["支持", "合作方", "支持"])
    {'支持': '#a6cee3', '合作方': '#fdbf6f'}
    """
    distinct = list(dict.fromkeys(values))
    return {v: CATEGORY_FILLS[i % len(CATEGORY_FILLS)] for i, v in enumerate(distinct)}
