package guard

import (
	"testing"
	"time"
)

func TestWatchIsClosedOnRevocationOfSubject(t *testing.T) {
	r := NewRevocations()
	ch, stop, already := r.Watch("j1", "disp-7")
	defer stop()
	if already {
		t.Fatal("nothing revoked yet")
	}
	r.revoke("", "disp-7")
	select {
	case <-ch:
	case <-time.After(time.Second):
		t.Fatal("watch not closed by a revocation of the subject")
	}
}

func TestWatchAfterRevocationIsRefused(t *testing.T) {
	r := NewRevocations()
	r.revoke("j2", "")
	if _, _, already := r.Watch("j2", "disp-8"); !already {
		t.Fatal("a revoked token must be refused at open")
	}
}
