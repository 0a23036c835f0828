package authn

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"testing"
	"time"
)

func TestDisabledGateIsRefused(t *testing.T) {
	g := &GateTokens{Secret: []byte("s"), disabled: map[string]bool{"g7": true}}
	body := fmt.Sprintf("g7:%d", time.Now().Add(time.Hour).Unix())
	mac := hmac.New(sha256.New, g.Secret)
	mac.Write([]byte(body))
	if _, err := g.Verify(body + ":" + hex.EncodeToString(mac.Sum(nil))); err == nil {
		t.Fatal("decommissioned gate accepted")
	}
}
