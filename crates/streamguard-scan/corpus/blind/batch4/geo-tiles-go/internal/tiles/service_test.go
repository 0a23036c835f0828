package tiles

import (
	"testing"

	"example.com/geotiles/gen/tilesv1"
	"example.com/geotiles/internal/authn"
)

// leakyTiles is what the service looked like before the guard: kept as a regression
// fixture for the lint job, never registered anywhere.
type leakyTiles struct {
	tilesv1.UnimplementedTilesServer
}

func (leakyTiles) WatchTiles(req *tilesv1.WatchTilesRequest, stream tilesv1.Tiles_WatchTilesServer) error {
	for {
		if err := stream.Send(&tilesv1.TileUpdate{LayerId: req.GetLayerId()}); err != nil {
			return err
		}
	}
}

func TestAllowedPublicLayer(t *testing.T) {
	p := &authn.Principal{Scopes: map[string]bool{"tiles:read": true}}
	if !allowed(p, "pub-roads", "read") {
		t.Fatal("pub layer should be readable")
	}
	if allowed(p, "pub-roads", "edit") {
		t.Fatal("pub layer must not be editable with tiles:read")
	}
}

func TestAllowedTeamLayer(t *testing.T) {
	p := &authn.Principal{Scopes: map[string]bool{"layer:team-ops:edit": true}}
	if !allowed(p, "team-ops-zones", "edit") {
		t.Fatal("team scope should allow edit")
	}
	if allowed(p, "team-sales-zones", "edit") {
		t.Fatal("other team's layer must be denied")
	}
}

func TestSubjectLimiterIsPerSubject(t *testing.T) {
	l := NewSubjectLimiter(0, 1)
	if !l.Allow("a") || l.Allow("a") {
		t.Fatal("burst of one")
	}
	if !l.Allow("b") {
		t.Fatal("b has its own bucket")
	}
}
