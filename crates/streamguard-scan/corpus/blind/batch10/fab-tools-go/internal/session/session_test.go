package session

import (
	"testing"
	"time"
)

func TestFeedWaitClosesOnRevoke(t *testing.T) {
	f := NewFeed()
	ch := f.Wait("jti:a", "sub:u1")
	f.revoke("sub:u1")
	select {
	case <-ch:
	case <-time.After(time.Second):
		t.Fatal("waiter not released")
	}
}

func TestFeedWaitAfterRevoke(t *testing.T) {
	f := NewFeed()
	f.revoke("jti:b")
	select {
	case <-f.Wait("jti:b"):
	default:
		t.Fatal("already revoked token not reported")
	}
}

func TestMayUseTool(t *testing.T) {
	s := &Session{Tools: set([]string{"ETCH-04"}), Roles: set(nil)}
	if !s.MayUseTool("ETCH-04") || s.MayUseTool("CVD-11") {
		t.Fatal("tool qualification not enforced")
	}
}
