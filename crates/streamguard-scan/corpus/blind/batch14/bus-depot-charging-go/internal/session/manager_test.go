package session

import (
	"context"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

func TestStatusFromCause(t *testing.T) {
	ctx, cancel := context.WithDeadlineCause(context.Background(), time.Now().Add(-time.Millisecond), ErrExpired)
	defer cancel()
	<-ctx.Done()
	if status.Code(Status(ctx, ctx.Err())) != codes.Unauthenticated {
		t.Fatal("expected Unauthenticated")
	}
}

func TestManagesDepot(t *testing.T) {
	d := &Dispatcher{Depots: []string{"NORTH"}}
	if !d.ManagesDepot("NORTH") || d.ManagesDepot("SOUTH") {
		t.Fatal("ManagesDepot")
	}
}

func TestOpenWithoutToken(t *testing.T) {
	m := &Manager{}
	if _, _, _, err := m.Open(context.Background()); status.Code(err) != codes.Unauthenticated {
		t.Fatalf("got %v", err)
	}
}
