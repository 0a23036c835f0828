package lifts

import "testing"

func TestEstimateWait(t *testing.T) {
	if got := EstimateWait(300, 2400, 1); got != 9 {
		t.Fatalf("got %d", got)
	}
	if !WindHold("chair", 17, true) || WindHold("chair", 17, false) {
		t.Fatal("hysteresis")
	}
}
