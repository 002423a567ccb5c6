"""A path's steps as sentences in the interface language: the relation, the role it carries
(translated; placeholder roles left out) and the evidence sentence behind it.

>>> by_id = {"m": {"name": "举措"}, "a": {"name": "金融机构", "name_en": "financial institutions"}}
>>> step_sentence({"source": "m", "target": "a", "type": "INVOLVES", "forward": True, "role": "鼓励"}, by_id, "zh")
'「举措」涉及「金融机构」（鼓励）。'
>>> step_sentence({"source": "a", "target": "m", "type": "INVOLVES", "forward": False, "role": "涉及"}, by_id, "en")
'“举措” involves “financial institutions”.'
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from render.i18n import edge_name, load_yaml, node_label, role_name, strings, t

PLACEHOLDERS_FILE = Path(__file__).resolve().parent.parent / "data" / "lexicon" / "role_placeholders.yaml"
ASSIGNED = "ASSIGNED_TO"


@lru_cache(maxsize=1)
def placeholder_roles() -> frozenset[str]:
    """Roles that only say "mentioned" (data/lexicon/role_placeholders.yaml)."""
    return frozenset(map(str, load_yaml(PLACEHOLDERS_FILE.read_text(encoding="utf-8")) or ()))


def role_text(edge_type: str, role: Any, lang: str) -> str:
    """The role of a step as the interface says it, or "" for none or a placeholder.

    >>> role_text("ASSIGNED_TO", "lead", "zh"), role_text("INVOLVES", "鼓励", "en"), role_text("INVOLVES", "涉及", "zh")
    ('牵头', 'encourage', '')
    """
    roles = [r for r in (role if isinstance(role, (list, tuple)) else [role]) if r and str(r) not in placeholder_roles()]
    if not roles:
        return ""
    if edge_type == ASSIGNED:
        return "、".join(t(f"assigned_role.{r}", lang) if f"assigned_role.{r}" in strings() else str(r) for r in roles)
    return "、".join(role_name(str(r), lang) for r in roles)


def step_sentence(step: Mapping[str, Any], by_id: Mapping[str, Mapping[str, Any]], lang: str) -> str:
    """The step read along its stored edge, worded from its relation and role."""
    walk_from, walk_to = str(step["source"]), str(step["target"])
    source, target = (walk_from, walk_to) if step.get("forward", True) else (walk_to, walk_from)
    names = {n: node_label(by_id.get(n, {"name": n}), lang) for n in (source, target)}
    edge_type = str(step.get("type"))
    role = role_text(edge_type, step.get("role"), lang)
    shown_role = t("rel.role", lang, role=role) if role else ""
    key = f"rel.{edge_type}"
    if key not in strings():
        return t("rel.fallback", lang, source=names[source], target=names[target], type=edge_name(edge_type, lang))
    return t(key, lang, source=names[source], target=names[target], role=shown_role)
