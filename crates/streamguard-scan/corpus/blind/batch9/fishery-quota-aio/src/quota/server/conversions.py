"""Live-weight conversion factors (landed weight -> live weight) by species and presentation."""
from __future__ import annotations

FACTORS: dict[tuple[str, str], float] = {
    ("COD", "WHL"): 1.00,
    ("COD", "GUT"): 1.17,
    ("COD", "FIL"): 2.60,
    ("HAD", "GUT"): 1.14,
    ("HKE", "GUT"): 1.11,
    ("MAC", "WHL"): 1.00,
    ("HER", "WHL"): 1.00,
    ("PLE", "GUT"): 1.05,
    ("SOL", "GUT"): 1.04,
    ("NEP", "TAI"): 3.00,
}


class UnknownPresentation(ValueError):
    pass


def live_weight(species: str, presentation: str, landed_kg: float) -> float:
    try:
        return round(landed_kg * FACTORS[(species.upper(), presentation.upper())], 2)
    except KeyError as exc:
        raise UnknownPresentation(f"no factor for {species}/{presentation}") from exc
