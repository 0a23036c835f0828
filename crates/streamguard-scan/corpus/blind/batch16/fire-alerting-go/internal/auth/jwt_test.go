package auth

import (
	"crypto/rand"
	"crypto/rsa"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func TestVerifyRejectsExpired(t *testing.T) {
	key, _ := rsa.GenerateKey(rand.Reader, 2048)
	v := &Verifier{Key: &key.PublicKey, Issuer: "https://idp.metrofire.example", Audience: "alerting"}
	tok := jwt.NewWithClaims(jwt.SigningMethodRS256, claims{RegisteredClaims: jwt.RegisteredClaims{
		Subject: "ff-1", Issuer: v.Issuer, Audience: jwt.ClaimStrings{v.Audience},
		ExpiresAt: jwt.NewNumericDate(time.Now().Add(-time.Minute)),
	}})
	raw, _ := tok.SignedString(key)
	if _, err := v.verify(raw); err == nil {
		t.Fatal("expected expired token to be refused")
	}
}

func TestAtStation(t *testing.T) {
	f := &Firefighter{Stations: []string{"st-04", "st-09"}}
	if !f.AtStation("st-09") || f.AtStation("st-01") {
		t.Fatal("AtStation wrong")
	}
}
