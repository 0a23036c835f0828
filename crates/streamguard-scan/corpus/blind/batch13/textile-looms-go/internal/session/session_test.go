package session

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"testing"
	"time"
)

func loomToken(secret []byte, loom string, exp int64) string {
	body := base64.RawURLEncoding.EncodeToString([]byte(fmt.Sprintf(`{"loom":%q,"exp":%d}`, loom, exp)))
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(body))
	return body + "." + base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

func TestVerifyLoomFrame(t *testing.T) {
	m := &Manager{LoomSecret: []byte("k"), decommissioned: map[string]bool{"L-09": true}}
	now := time.Now()
	cases := []struct {
		name, loom, tok string
		ok              bool
	}{
		{"valid", "L-01", loomToken([]byte("k"), "L-01", now.Add(time.Hour).Unix()), true},
		{"other loom", "L-02", loomToken([]byte("k"), "L-01", now.Add(time.Hour).Unix()), false},
		{"expired", "L-01", loomToken([]byte("k"), "L-01", now.Add(-time.Second).Unix()), false},
		{"bad key", "L-01", loomToken([]byte("x"), "L-01", now.Add(time.Hour).Unix()), false},
		{"decommissioned", "L-09", loomToken([]byte("k"), "L-09", now.Add(time.Hour).Unix()), false},
	}
	for _, c := range cases {
		if err := m.VerifyLoomFrame(c.loom, c.tok, now); (err == nil) != c.ok {
			t.Errorf("%s: err=%v", c.name, err)
		}
	}
}
