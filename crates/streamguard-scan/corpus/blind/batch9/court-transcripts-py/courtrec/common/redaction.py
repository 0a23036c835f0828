"""Redaction of protected identifiers before a line leaves the courthouse network.

Minors' names and witness-protection aliases are held per hearing; press and
counsel outside the case see placeholders."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_SSN = re.compile(r"\b\d{3}-\d{2}-\d{4}\b")
_PHONE = re.compile(r"\b(?:\+?1[ .-]?)?\(?\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}\b")


@dataclass
class RedactionPolicy:
    protected_names: dict[str, str] = field(default_factory=dict)  # name -> placeholder

    def apply(self, text: str) -> str:
        out = _SSN.sub("[SSN]", text)
        out = _PHONE.sub("[PHONE]", out)
        for name, placeholder in self.protected_names.items():
            out = re.sub(rf"\b{re.escape(name)}\b", placeholder, out, flags=re.IGNORECASE)
        return out


def policy_for(role_set: frozenset[str], names: dict[str, str]) -> RedactionPolicy:
    if "judge" in role_set or "clerk" in role_set:
        return RedactionPolicy()
    return RedactionPolicy(protected_names=names)
