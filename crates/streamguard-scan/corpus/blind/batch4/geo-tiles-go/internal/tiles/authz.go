package tiles

import (
	"strings"

	"example.com/geotiles/internal/authn"
)

// LayerACL: layers "pub-*" are readable by anyone with tiles:read; "team-<x>-*" layers need
// the scope "layer:team-<x>:<action>".
func allowed(p *authn.Principal, layerID, action string) bool {
	if p == nil {
		return false
	}
	if action == "read" && strings.HasPrefix(layerID, "pub-") {
		return p.Scopes["tiles:read"]
	}
	team, _, ok := strings.Cut(strings.TrimPrefix(layerID, "team-"), "-")
	if !ok || !strings.HasPrefix(layerID, "team-") {
		return false
	}
	return p.Scopes["layer:team-"+team+":"+action]
}
