package guard

import (
	"testing"
)

func TestRevocationWatchIsClosedOnRevoke(t *testing.T) {
	r := &Revocations{revoked: map[string]bool{}, waiters: map[string]map[chan struct{}]struct{}{}}
	ch, release := r.Watch("j1", "alice")
	defer release()
	r.revoke("sub:alice")
	select {
	case <-ch:
	default:
		t.Fatal("watch channel not closed")
	}
	if !r.IsRevoked("other", "alice") {
		t.Fatal("subject revocation not recorded")
	}
}
