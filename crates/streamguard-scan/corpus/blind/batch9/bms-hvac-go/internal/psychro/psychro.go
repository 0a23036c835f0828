// Package psychro has the psychrometric formulas used by the zone dashboards.
package psychro

import "math"

// SaturationPressure returns the saturation vapour pressure in Pa (Magnus formula, over water).
func SaturationPressure(tempC float64) float64 {
	return 610.94 * math.Exp(17.625*tempC/(tempC+243.04))
}

// DewPoint returns the dew point in °C from dry-bulb temperature and relative humidity (0–100).
func DewPoint(tempC, rh float64) float64 {
	if rh <= 0 {
		return math.Inf(-1)
	}
	g := math.Log(rh/100) + 17.625*tempC/(243.04+tempC)
	return 243.04 * g / (17.625 - g)
}

// HumidityRatio returns kg water per kg dry air at the given barometric pressure (Pa).
func HumidityRatio(tempC, rh, pressurePa float64) float64 {
	pw := rh / 100 * SaturationPressure(tempC)
	return 0.621945 * pw / (pressurePa - pw)
}

// Enthalpy returns moist-air enthalpy in kJ/kg dry air.
func Enthalpy(tempC, w float64) float64 {
	return 1.006*tempC + w*(2501+1.86*tempC)
}
