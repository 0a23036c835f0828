package tags

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"testing"
	"time"
)

func token(key []byte, tag string, exp int64) string {
	m := hmac.New(sha256.New, key)
	fmt.Fprintf(m, "%s.%d", tag, exp)
	return fmt.Sprintf("%s.%d.%s", tag, exp, hex.EncodeToString(m.Sum(nil)))
}

func TestVerify(t *testing.T) {
	key := []byte("k")
	v := &Verifier{Key: key, dead: map[string]bool{}}
	future := time.Now().Add(time.Hour).Unix()
	if err := v.Verify("T-7", token(key, "T-7", future)); err != nil {
		t.Fatal(err)
	}
	if err := v.Verify("T-8", token(key, "T-7", future)); err != ErrBadToken {
		t.Fatalf("token for another tag accepted: %v", err)
	}
	if err := v.Verify("T-7", token(key, "T-7", time.Now().Add(-time.Second).Unix())); err != ErrExpired {
		t.Fatalf("expired: %v", err)
	}
	v.dead["T-7"] = true
	if err := v.Verify("T-7", token(key, "T-7", future)); err != ErrDecommissioned {
		t.Fatalf("decommissioned: %v", err)
	}
}
