package zones

import (
	"context"
	"testing"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	zonesv1 "git.hostmesh.net/dns/zones/gen/zonesv1"
	"git.hostmesh.net/dns/zones/internal/guard"
)

func TestChangeSetForAnotherZoneIsDenied(t *testing.T) {
	c := &guard.Claims{Subject: "acme-bot", Zones: []string{"example.com."}, Scopes: map[string]bool{"zones:write": true}}
	err := AuthorizeMessage(context.Background(), c, &zonesv1.ChangeSet{Zone: "victim.org."})
	if status.Code(err) != codes.PermissionDenied {
		t.Fatalf("got %v, want PermissionDenied", err)
	}
}

func TestWildcardZoneGrant(t *testing.T) {
	c := &guard.Claims{Zones: []string{"*.customers.hostmesh.net."}, Scopes: map[string]bool{"zones:write": true}}
	if err := AuthorizeMessage(context.Background(), c, &zonesv1.ChangeSet{Zone: "shop.customers.hostmesh.net."}); err != nil {
		t.Fatalf("unexpected: %v", err)
	}
}
