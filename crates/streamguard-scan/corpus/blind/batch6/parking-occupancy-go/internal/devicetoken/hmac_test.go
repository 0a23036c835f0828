package devicetoken

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"testing"
	"time"
)

func mint(secret []byte, lane string, exp time.Time) string {
	body := lane + "." + strconv.FormatInt(exp.Unix(), 10)
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(body))
	return body + "." + hex.EncodeToString(m.Sum(nil))
}

func TestVerify(t *testing.T) {
	secret := []byte("0123456789abcdef0123456789abcdef")
	now := time.Unix(1_700_000_000, 0)
	if _, err := Verify(secret, mint(secret, "L3", now.Add(time.Hour)), now); err != nil {
		t.Fatalf("valid token refused: %v", err)
	}
	if _, err := Verify(secret, mint(secret, "L3", now.Add(-time.Second)), now); err != ErrExpired {
		t.Fatalf("want ErrExpired, got %v", err)
	}
	if _, err := Verify([]byte("other-secret-other-secret-other!!"), mint(secret, "L3", now.Add(time.Hour)), now); err != ErrSignature {
		t.Fatalf("want ErrSignature, got %v", err)
	}
}
