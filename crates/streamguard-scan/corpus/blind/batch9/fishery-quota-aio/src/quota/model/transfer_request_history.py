"""TransferRequestHistory: a fisheries quota record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class TransferRequestHistory:
    id: str = ""
    note: str = ""
    status: str = ""
    site_id: str = ""
    label: str = ""
    kind: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "TransferRequestHistory":
        return cls(
            id=str(raw.get("id", "")),
            note=str(raw.get("note", "")),
            status=str(raw.get("status", "")),
            site_id=str(raw.get("site_id", "")),
            label=str(raw.get("label", "")),
            kind=str(raw.get("kind", "")),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        return errors

    def key(self) -> str:
        return f"transfer_request_history:{self.id}"
