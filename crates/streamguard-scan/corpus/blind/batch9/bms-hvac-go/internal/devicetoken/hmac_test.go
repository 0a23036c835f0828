package devicetoken

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"testing"
	"time"
)

func mint(secret []byte, id string, exp time.Time) string {
	body := id + "|" + strconv.FormatInt(exp.Unix(), 10)
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(body))
	return base64.RawURLEncoding.EncodeToString([]byte(body + "|" + base64.RawURLEncoding.EncodeToString(mac.Sum(nil))))
}

func TestVerifyRejectsExpired(t *testing.T) {
	v := &Verifier{Secret: []byte("k")}
	if _, err := v.Verify(mint(v.Secret, "ahu-1", time.Now().Add(-time.Minute))); err == nil {
		t.Fatal("expired token accepted")
	}
	if _, err := v.Verify(mint(v.Secret, "ahu-1", time.Now().Add(time.Hour))); err != nil {
		t.Fatal(err)
	}
}
