package guard

import "testing"

func TestRevokeFiresWatchersOnce(t *testing.T) {
	r := NewRevocations()
	fired := 0
	stop := r.OnRevoke("j1", "alice", func() { fired++ })
	defer stop()
	r.Revoke("sub:alice")
	r.Revoke("sub:alice")
	if fired != 1 {
		t.Fatalf("fired %d times", fired)
	}
	if !r.Revoked("other", "alice") {
		t.Fatal("subject revocation must cover every token of the subject")
	}
}
