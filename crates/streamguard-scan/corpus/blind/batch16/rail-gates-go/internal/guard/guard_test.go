package guard

import (
	"context"
	"testing"
	"time"
)

func TestHasGateWildcard(t *testing.T) {
	p := &Principal{Gates: []string{"KGX-*", "STP-12"}}
	if !p.HasGate("KGX-03") || !p.HasGate("STP-12") || p.HasGate("STP-13") {
		t.Fatal("gate matching wrong")
	}
}

func TestCauseStatusLifetime(t *testing.T) {
	ctx, cancel := context.WithTimeoutCause(context.Background(), time.Millisecond, errLifetime)
	defer cancel()
	<-ctx.Done()
	if got := causeStatus(ctx).Error(); got == "" {
		t.Fatal("expected a status")
	}
}
