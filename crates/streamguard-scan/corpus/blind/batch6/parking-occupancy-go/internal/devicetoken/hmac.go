// Package devicetoken verifies lane controller tokens: "<lane>.<expiry>.<hex hmac>".
package devicetoken

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strconv"
	"strings"
	"time"
)

var (
	ErrMalformed = errors.New("malformed device token")
	ErrSignature = errors.New("bad device token signature")
	ErrExpired   = errors.New("device token expired")
)

type Device struct {
	LaneID  string
	Expires time.Time
}

// Verify checks the signature and expiry of tok with the site secret.
func Verify(secret []byte, tok string, now time.Time) (*Device, error) {
	parts := strings.Split(tok, ".")
	if len(parts) != 3 {
		return nil, ErrMalformed
	}
	exp, err := strconv.ParseInt(parts[1], 10, 64)
	if err != nil {
		return nil, ErrMalformed
	}
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(parts[0] + "." + parts[1]))
	want := mac.Sum(nil)
	got, err := hex.DecodeString(parts[2])
	if err != nil || !hmac.Equal(want, got) {
		return nil, ErrSignature
	}
	d := &Device{LaneID: parts[0], Expires: time.Unix(exp, 0)}
	if now.After(d.Expires) {
		return nil, ErrExpired
	}
	return d, nil
}
