package occupancy

import (
	"testing"

	"github.com/parkwise/occupancy/internal/garages"
)

func TestSnapshotSumsLevels(t *testing.T) {
	snap := snapshot("G1", []garages.Level{{Name: "P1", Free: 10, Capacity: 100}, {Name: "P2", Free: 5, Capacity: 80}})
	if snap.Free != 15 || snap.Capacity != 180 || len(snap.Levels) != 2 {
		t.Fatalf("unexpected snapshot %+v", snap)
	}
}
