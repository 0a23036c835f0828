package auth

import (
	"crypto/ed25519"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func TestVerify(t *testing.T) {
	pub, priv, _ := ed25519.GenerateKey(nil)
	v := &Verifier{Key: pub, Issuer: "cabco", Audience: "dispatch"}
	tok := jwt.NewWithClaims(jwt.SigningMethodEdDSA, Claims{
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer: "cabco", Audience: jwt.ClaimStrings{"dispatch"}, Subject: "drv-12",
			ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Minute)),
		},
		DriverID: "drv-12", Role: "driver",
	})
	raw, _ := tok.SignedString(priv)
	c, err := v.verify(raw)
	if err != nil || c.DriverID != "drv-12" {
		t.Fatalf("verify: %v %+v", err, c)
	}
	expired := jwt.NewWithClaims(jwt.SigningMethodEdDSA, Claims{RegisteredClaims: jwt.RegisteredClaims{
		Issuer: "cabco", Audience: jwt.ClaimStrings{"dispatch"}, ExpiresAt: jwt.NewNumericDate(time.Now().Add(-time.Minute)),
	}})
	raw, _ = expired.SignedString(priv)
	if _, err := v.verify(raw); err == nil {
		t.Fatal("expired token accepted")
	}
}
