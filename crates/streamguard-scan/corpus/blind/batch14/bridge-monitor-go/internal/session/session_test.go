package session

import (
	"context"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

func TestCauseStatusMapsReasons(t *testing.T) {
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(errRevoked)
	if got := status.Code(causeStatus(ctx)); got != codes.PermissionDenied {
		t.Fatalf("revoked -> %v", got)
	}
	ctx, cancel2 := context.WithDeadlineCause(context.Background(), time.Now().Add(-time.Second), errExpired)
	defer cancel2()
	if got := status.Code(causeStatus(ctx)); got != codes.Unauthenticated {
		t.Fatalf("expired -> %v", got)
	}
}

func TestSubscribeRefusesRevokedSubject(t *testing.T) {
	g := &Guard{revoked: map[string]bool{"sub:insp-3": true}}
	if _, _, already := g.subscribe(&Principal{Subject: "insp-3", ID: "x"}); !already {
		t.Fatal("revoked subject accepted")
	}
}

func TestHasSpan(t *testing.T) {
	p := &Principal{Spans: []string{"P2-P3"}}
	if !p.HasSpan("P2-P3") || p.HasSpan("P3-P4") {
		t.Fatal("HasSpan")
	}
}
