package vessels

import (
	"testing"

	aisv1 "github.com/harbourlabs/ais/gen/aisv1"
	"github.com/harbourlabs/ais/internal/tracks"
)

func TestInBox(t *testing.T) {
	r := &aisv1.TrackRequest{MinLat: 50, MaxLat: 52, MinLon: 3, MaxLon: 5}
	if !inBox(r, tracks.Position{Lat: 51, Lon: 4}) {
		t.Fatal("expected inside")
	}
	if inBox(r, tracks.Position{Lat: 53, Lon: 4}) {
		t.Fatal("expected outside")
	}
}

func TestPortTransitions(t *testing.T) {
	w := NewPortWatcher([]Port{{Locode: "NLRTM", Lat: 51.95, Lon: 4.05, RadiusNM: 5}})
	if got := w.transition("NLRTM", tracks.Position{MMSI: 1, Lat: 51.95, Lon: 4.06}); got != "arrival" {
		t.Fatalf("got %q", got)
	}
	if got := w.transition("NLRTM", tracks.Position{MMSI: 1, Lat: 51.95, Lon: 4.07}); got != "" {
		t.Fatalf("got %q", got)
	}
	if got := w.transition("NLRTM", tracks.Position{MMSI: 1, Lat: 52.5, Lon: 4.07}); got != "departure" {
		t.Fatalf("got %q", got)
	}
}

func TestDistance(t *testing.T) {
	if d := distanceNM(0, 0, 0, 1); d < 59 || d > 61 {
		t.Fatalf("one degree of longitude at the equator is ~60 NM, got %f", d)
	}
}
