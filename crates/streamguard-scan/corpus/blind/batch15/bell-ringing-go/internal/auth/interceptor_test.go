package auth

import (
	"crypto/ed25519"
	"crypto/rand"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func sign(t *testing.T, priv ed25519.PrivateKey, c *RingerClaims) string {
	t.Helper()
	s, err := jwt.NewWithClaims(jwt.SigningMethodEdDSA, c).SignedString(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestParse(t *testing.T) {
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	v := &Verifier{Key: pub, Issuer: "https://guild.example", Audience: "belld"}
	base := jwt.RegisteredClaims{Issuer: "https://guild.example", Audience: jwt.ClaimStrings{"belld"}, Subject: "ringer-9"}

	ok := &RingerClaims{RegisteredClaims: base, Towers: []string{"st-marys"}}
	ok.ExpiresAt = jwt.NewNumericDate(time.Now().Add(time.Hour))
	c, err := v.Parse(sign(t, priv, ok))
	if err != nil || !c.InTower("st-marys") {
		t.Fatalf("valid token rejected: %v", err)
	}

	expired := &RingerClaims{RegisteredClaims: base}
	expired.ExpiresAt = jwt.NewNumericDate(time.Now().Add(-time.Minute))
	if _, err := v.Parse(sign(t, priv, expired)); err == nil {
		t.Fatal("expired token accepted")
	}

	noExp := &RingerClaims{RegisteredClaims: base}
	if _, err := v.Parse(sign(t, priv, noExp)); err == nil {
		t.Fatal("token without exp accepted")
	}
}
