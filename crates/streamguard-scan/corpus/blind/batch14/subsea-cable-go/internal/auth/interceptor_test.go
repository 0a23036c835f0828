package auth

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

func sign(t *testing.T, key *ecdsa.PrivateKey, exp time.Time) string {
	t.Helper()
	tok := jwt.NewWithClaims(jwt.SigningMethodES256, &Claims{
		Segments: []string{"S3"},
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer: "noc", Audience: jwt.ClaimStrings{"cablemon"}, Subject: "op1", ExpiresAt: jwt.NewNumericDate(exp),
		},
	})
	s, err := tok.SignedString(key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestParse(t *testing.T) {
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	v := &Verifier{Key: &key.PublicKey, Issuer: "noc", Audience: "cablemon"}

	ctx := metadata.NewIncomingContext(context.Background(), metadata.Pairs("authorization", "Bearer "+sign(t, key, time.Now().Add(time.Minute))))
	c, err := v.parse(ctx)
	if err != nil || !c.CanSee("S3") || c.CanSee("S4") {
		t.Fatalf("unexpected: %v %+v", err, c)
	}

	ctx = metadata.NewIncomingContext(context.Background(), metadata.Pairs("authorization", "Bearer "+sign(t, key, time.Now().Add(-time.Minute))))
	if _, err := v.parse(ctx); status.Code(err) != codes.Unauthenticated {
		t.Fatalf("expired token accepted: %v", err)
	}
}
