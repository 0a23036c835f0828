package guard

import (
	"context"
	"crypto/ed25519"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"google.golang.org/grpc/metadata"
)

func token(t *testing.T, priv ed25519.PrivateKey, exp time.Time) string {
	c := Claims{RegisteredClaims: jwt.RegisteredClaims{Subject: "tech-1", ID: "j1", Issuer: "iss", Audience: jwt.ClaimStrings{"pdud"},
		ExpiresAt: jwt.NewNumericDate(exp)}, Scope: "outlets:read", Racks: []string{"R12"}}
	s, err := jwt.NewWithClaims(jwt.SigningMethodEdDSA, c).SignedString(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestVerify(t *testing.T) {
	pub, priv, _ := ed25519.GenerateKey(nil)
	g := New(pub, "iss", "pdud", time.Minute, nil)
	ctx := metadata.NewIncomingContext(context.Background(), metadata.Pairs("authorization", "Bearer "+token(t, priv, time.Now().Add(time.Minute))))
	c, err := g.verify(ctx)
	if err != nil || !c.CanRack("R12") || c.CanRack("R13") {
		t.Fatalf("verify: %v %+v", err, c)
	}
	ctx = metadata.NewIncomingContext(context.Background(), metadata.Pairs("authorization", "Bearer "+token(t, priv, time.Now().Add(-time.Minute))))
	if _, err := g.verify(ctx); err == nil {
		t.Fatal("expired token accepted")
	}
}

func TestRevocationClosesChannel(t *testing.T) {
	g := New(nil, "", "", time.Minute, nil)
	ch, done := g.register([]string{"sub:x"})
	defer done()
	g.mu.Lock()
	for c := range g.watch["sub:x"] {
		close(c)
	}
	g.mu.Unlock()
	select {
	case <-ch:
	default:
		t.Fatal("not closed")
	}
}
