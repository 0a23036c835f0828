package auth

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"testing"
	"time"
)

func sign(secret []byte, id string, exp int64) string {
	body := fmt.Sprintf("%s.%d", id, exp)
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(body))
	return body + "." + hex.EncodeToString(mac.Sum(nil))
}

func TestVerifyRTU(t *testing.T) {
	v := &RTUVerifier{Secret: []byte("k")}
	now := time.Unix(1_700_000_000, 0)
	if err := v.Verify("RTU-17", sign(v.Secret, "RTU-17", now.Unix()+60), now); err != nil {
		t.Fatalf("valid token rejected: %v", err)
	}
	if err := v.Verify("RTU-18", sign(v.Secret, "RTU-17", now.Unix()+60), now); err == nil {
		t.Fatal("token for another rtu accepted")
	}
	if err := v.Verify("RTU-17", sign(v.Secret, "RTU-17", now.Unix()-1), now); err == nil {
		t.Fatal("expired token accepted")
	}
	v.decommissioned = map[string]bool{"RTU-17": true}
	if err := v.Verify("RTU-17", sign(v.Secret, "RTU-17", now.Unix()+60), now); err == nil {
		t.Fatal("decommissioned rtu accepted")
	}
}
