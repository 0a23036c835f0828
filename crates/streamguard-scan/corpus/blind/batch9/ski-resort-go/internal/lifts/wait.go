package lifts

import "math"

// EstimateWait returns the expected wait in minutes from the queue length at the
// gate counters and the lift's hourly capacity, with a floor for loading time.
func EstimateWait(queue int, capacityPerHour int, loadingMin float64) uint32 {
	if capacityPerHour <= 0 {
		return 0
	}
	perMin := float64(capacityPerHour) / 60
	w := float64(queue)/perMin + loadingMin
	return uint32(math.Ceil(w))
}

// WindHold reports whether a lift must stop for wind: chairs above the gust
// limit, gondolas with a higher limit, and a hysteresis before restarting.
func WindHold(kind string, gustMs float64, wasHeld bool) bool {
	limit := 18.0
	if kind == "gondola" {
		limit = 22.0
	}
	if wasHeld {
		return gustMs > limit-3
	}
	return gustMs > limit
}
