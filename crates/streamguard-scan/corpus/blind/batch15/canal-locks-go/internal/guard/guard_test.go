package guard

import (
	"sync/atomic"
	"testing"
)

func TestWatchFiresOnRevoke(t *testing.T) {
	r := &Revocations{revoked: map[string]struct{}{}, watchers: map[string]map[int]func(){}}
	var fired atomic.Int32
	unwatch := r.Watch("j-1", "keeper-2", func() { fired.Add(1) })
	r.revoke("sub:keeper-2")
	if fired.Load() != 1 {
		t.Fatalf("watcher fired %d times", fired.Load())
	}
	if !r.IsRevoked("j-9", "keeper-2") {
		t.Fatal("subject not recorded as revoked")
	}
	unwatch()
	r.revoke("jti:j-1")
	if fired.Load() != 1 {
		t.Fatal("watcher fired after unwatch")
	}
}

func TestKeeperScopes(t *testing.T) {
	k := &Keeper{Locks: []string{"L-21"}, Scope: "locks:read locks:operate"}
	if !k.HasLock("L-21") || k.HasLock("L-22") {
		t.Fatal("HasLock")
	}
	if !k.HasScope("locks:operate") || k.HasScope("locks:admin") {
		t.Fatal("HasScope")
	}
}
