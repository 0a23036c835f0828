package termauth

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"testing"
	"time"
)

func mint(key []byte, body string) string {
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(body))
	return base64.RawURLEncoding.EncodeToString([]byte(body)) + "." + base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

func TestParseValid(t *testing.T) {
	a := New([]byte("k"))
	a.now = func() time.Time { return time.Unix(1000, 0) }
	got, err := a.Parse(mint([]byte("k"), "T-17|S-042|3|2000"))
	if err != nil || got.StoreID != "S-042" || got.Lane != 3 {
		t.Fatalf("got %+v, %v", got, err)
	}
}

func TestParseExpired(t *testing.T) {
	a := New([]byte("k"))
	a.now = func() time.Time { return time.Unix(3000, 0) }
	if _, err := a.Parse(mint([]byte("k"), "T-17|S-042|3|2000")); err == nil {
		t.Fatal("expired token accepted")
	}
}

func TestParseWrongKey(t *testing.T) {
	a := New([]byte("k"))
	if _, err := a.Parse(mint([]byte("other"), "T-17|S-042|3|9999999999")); err == nil {
		t.Fatal("forged token accepted")
	}
}
