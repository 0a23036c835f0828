package auth

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"testing"
	"time"
)

func sign(secret []byte, body string) string {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(body))
	return body + "|" + hex.EncodeToString(m.Sum(nil))
}

func TestVerifyCabinetToken(t *testing.T) {
	secret := []byte("s3cret")
	now := time.Unix(1_700_000_000, 0)
	tok := sign(secret, fmt.Sprintf("ctl-9|X-114|%d", now.Add(time.Hour).Unix()))
	ct, err := VerifyCabinetToken(secret, tok, now)
	if err != nil || ct.Intersection != "X-114" {
		t.Fatalf("got %v %v", ct, err)
	}
	if _, err := VerifyCabinetToken(secret, tok, now.Add(2*time.Hour)); err == nil {
		t.Fatal("expired token accepted")
	}
	if _, err := VerifyCabinetToken([]byte("other"), tok, now); err == nil {
		t.Fatal("wrong secret accepted")
	}
}
