package auth

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func mint(t *testing.T, key *ecdsa.PrivateKey, exp time.Time, aud string) string {
	t.Helper()
	tok := jwt.NewWithClaims(jwt.SigningMethodES256, &Claims{
		RegisteredClaims: jwt.RegisteredClaims{
			Subject:   "sensor-0042",
			Issuer:    "https://id.city.example/",
			Audience:  jwt.ClaimStrings{aud},
			ExpiresAt: jwt.NewNumericDate(exp),
		},
		Sensor: "0042",
	})
	s, err := tok.SignedString(key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestVerify(t *testing.T) {
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	v := &Verifier{Key: &key.PublicKey, Issuer: "https://id.city.example/", Audience: "aqd"}

	if _, err := v.verify(mint(t, key, time.Now().Add(time.Hour), "aqd")); err != nil {
		t.Fatalf("valid token rejected: %v", err)
	}
	if _, err := v.verify(mint(t, key, time.Now().Add(-time.Minute), "aqd")); err == nil {
		t.Fatal("expired token accepted")
	}
	if _, err := v.verify(mint(t, key, time.Now().Add(time.Hour), "other")); err == nil {
		t.Fatal("wrong audience accepted")
	}
}
