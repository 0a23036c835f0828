"""Loads the exported scoring model (a JSON list of stumps)."""
from __future__ import annotations

import json
import math
import os


class Model:
    def __init__(self, path: str | None = None):
        path = path or os.environ.get("FRAUD_MODEL", "/srv/fraud/model.json")
        with open(path, encoding="utf-8") as f:
            spec = json.load(f)
        self._bias = float(spec["bias"])
        self._stumps = [(s["feature"], float(s["threshold"]), float(s["left"]), float(s["right"]), s.get("reason", s["feature"])) for s in spec["stumps"]]

    def predict(self, feats: dict[str, float]) -> tuple[float, list[str]]:
        margin = self._bias
        reasons: list[str] = []
        for feature, threshold, left, right, reason in self._stumps:
            value = feats.get(feature, 0.0)
            contribution = right if value > threshold else left
            margin += contribution
            if contribution > 0.5:
                reasons.append(reason)
        return 1.0 / (1.0 + math.exp(-margin)), reasons[:5]
