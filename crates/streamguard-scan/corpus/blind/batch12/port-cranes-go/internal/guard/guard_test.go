package guard

import (
	"testing"

	"golang.org/x/time/rate"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

func TestOperatorScopes(t *testing.T) {
	op := &Operator{Cranes: []string{"QC07"}, Scope: "crane:operate berth:read"}
	if !op.Can("crane:operate") || op.Can("crane:admin") {
		t.Fatal("scope parsing")
	}
	if !op.HasCrane("QC07") || op.HasCrane("QC08") {
		t.Fatal("crane check")
	}
}

func TestLimiterSharedBySubject(t *testing.T) {
	g := &Guard{PerMinute: 60}
	a := g.limiter("op-1")
	b := g.limiter("op-1")
	if a != b {
		t.Fatal("limiter must be shared across streams of one subject")
	}
	if g.limiter("op-2") == a {
		t.Fatal("limiter must be per subject")
	}
	_ = rate.Inf
	if status.Code(errRevoked) != codes.PermissionDenied {
		t.Fatal("revocation code")
	}
}
