package zones

import (
	"context"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	zonesv1 "git.hostmesh.net/dns/zones/gen/zonesv1"
	"git.hostmesh.net/dns/zones/internal/guard"
)

// AuthorizeMessage is the guard's per-message hook: every change set must
// name a zone the token manages and carry the write scope.
func AuthorizeMessage(_ context.Context, c *guard.Claims, msg any) error {
	switch m := msg.(type) {
	case *zonesv1.ChangeSet:
		if !c.Scopes["zones:write"] {
			return status.Error(codes.PermissionDenied, "insufficient_scope: zones:write")
		}
		if !c.Manages(m.GetZone()) {
			return status.Errorf(codes.PermissionDenied, "zone %q is not yours", m.GetZone())
		}
	case *zonesv1.WatchZoneRequest:
		if !c.Manages(m.GetZone()) && !c.Scopes["zones:secondary"] {
			return status.Errorf(codes.PermissionDenied, "zone %q is not yours", m.GetZone())
		}
	case *zonesv1.TransferRequest:
		if !c.Manages(m.GetZone()) && !c.Scopes["zones:secondary"] {
			return status.Errorf(codes.PermissionDenied, "zone %q is not yours", m.GetZone())
		}
	}
	return nil
}
