package authn

import (
	"context"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"google.golang.org/grpc/metadata"
)

func ctxWith(t *testing.T, secret []byte, c Claims) context.Context {
	t.Helper()
	s, err := jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(secret)
	if err != nil {
		t.Fatal(err)
	}
	return metadata.NewIncomingContext(context.Background(), metadata.Pairs("authorization", "Bearer "+s))
}

func TestParse(t *testing.T) {
	j := &JWT{Secret: []byte("k"), Issuer: "cad", Audience: "cadd"}
	good := Claims{Role: "crew", Unit: "M12", RegisteredClaims: jwt.RegisteredClaims{
		Issuer: "cad", Audience: jwt.ClaimStrings{"cadd"}, ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour))}}
	c, err := j.Parse(ctxWith(t, j.Secret, good))
	if err != nil || c.Unit != "M12" {
		t.Fatalf("got %v, %v", c, err)
	}
	expired := good
	expired.ExpiresAt = jwt.NewNumericDate(time.Now().Add(-time.Minute))
	if _, err := j.Parse(ctxWith(t, j.Secret, expired)); err == nil {
		t.Fatal("expired token accepted")
	}
}

func TestGuardRevocation(t *testing.T) {
	r := &Revocations{hub: newHub()}
	c := &Claims{RegisteredClaims: jwt.RegisteredClaims{ID: "j1", Subject: "d7", ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour))}}
	ctx, done := r.Guard(context.Background(), c)
	defer done()
	r.hub.fire("sub:d7")
	<-ctx.Done()
	if context.Cause(ctx) != ErrTokenRevoked {
		t.Fatalf("cause = %v", context.Cause(ctx))
	}
}
