package guard

import (
	"context"
	"errors"
	"testing"
)

func TestRevocationCancelsRegisteredStream(t *testing.T) {
	g := &Guard{}
	ctx, cancel := context.WithCancelCause(context.Background())
	release := g.register([]string{"jti:abc", "sub:op-7"}, cancel)
	defer release()

	g.mu.Lock()
	for _, c := range g.watch["sub:op-7"] {
		c(errRevoked)
	}
	g.mu.Unlock()

	if !errors.Is(context.Cause(ctx), errRevoked) {
		t.Fatalf("cause = %v, want token_revoked", context.Cause(ctx))
	}
}

func TestReleaseForgetsKeys(t *testing.T) {
	g := &Guard{}
	_, cancel := context.WithCancelCause(context.Background())
	g.register([]string{"jti:x"}, cancel)()
	if len(g.watch["jti:x"]) != 0 {
		t.Fatal("key still watched after release")
	}
}
