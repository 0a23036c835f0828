"""AudioRecording: a court reporting record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class AudioRecording:
    id: str = ""
    owner: str = ""
    note: str = ""
    updated_at: int = 0
    site_id: str = ""
    status: str = ""
    score: float = 0.0

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "AudioRecording":
        return cls(
            id=str(raw.get("id", "")),
            owner=str(raw.get("owner", "")),
            note=str(raw.get("note", "")),
            updated_at=int(raw.get("updated_at", 0)),
            site_id=str(raw.get("site_id", "")),
            status=str(raw.get("status", "")),
            score=float(raw.get("score", 0.0)),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.updated_at < 0:
            errors.append("updated_at must not be negative")
        if self.score < 0:
            errors.append("score must not be negative")
        return errors

    def key(self) -> str:
        return f"audio_recording:{self.id}"
