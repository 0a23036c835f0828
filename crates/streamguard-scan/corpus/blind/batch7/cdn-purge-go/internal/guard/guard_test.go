package guard

import (
	"context"
	"errors"
	"testing"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

func TestToStatus(t *testing.T) {
	cases := map[error]codes.Code{
		ErrTokenExpired: codes.Unauthenticated,
		ErrTokenRevoked: codes.PermissionDenied,
		ErrMaxLifetime:  codes.Unavailable,
	}
	for cause, want := range cases {
		if got := status.Code(toStatus(cause)); got != want {
			t.Errorf("%v: got %v want %v", cause, got, want)
		}
	}
}

func TestRevocationCancelsWatcher(t *testing.T) {
	g := New(nil, "edgecfg", 0)
	ctx, cancel := context.WithCancelCause(context.Background())
	unwatch := g.watch([]string{"jti:abc"}, &watcher{cancel: cancel})
	defer unwatch()
	g.mu.Lock()
	for w := range g.watchers["jti:abc"] {
		w.cancel(ErrTokenRevoked)
	}
	g.mu.Unlock()
	if !errors.Is(context.Cause(ctx), ErrTokenRevoked) {
		t.Fatal("watcher not cancelled")
	}
}
