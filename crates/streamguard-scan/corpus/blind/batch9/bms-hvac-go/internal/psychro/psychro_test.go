package psychro

import (
	"math"
	"testing"
)

func TestDewPointAtSaturation(t *testing.T) {
	if d := DewPoint(20, 100); math.Abs(d-20) > 0.01 {
		t.Fatalf("dew point at 100%% RH = %v, want 20", d)
	}
}
