// Package devicetoken verifies controller tokens: base64(controllerID|expiry|hmac).
package devicetoken

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"strconv"
	"strings"
	"time"
)

type Verifier struct{ Secret []byte }

type Device struct {
	ControllerID string
	Expires      time.Time
}

func (v *Verifier) Verify(tok string) (*Device, error) {
	raw, err := base64.RawURLEncoding.DecodeString(tok)
	if err != nil {
		return nil, errors.New("malformed token")
	}
	parts := strings.Split(string(raw), "|")
	if len(parts) != 3 {
		return nil, errors.New("malformed token")
	}
	mac := hmac.New(sha256.New, v.Secret)
	mac.Write([]byte(parts[0] + "|" + parts[1]))
	if !hmac.Equal([]byte(base64.RawURLEncoding.EncodeToString(mac.Sum(nil))), []byte(parts[2])) {
		return nil, errors.New("bad signature")
	}
	exp, err := strconv.ParseInt(parts[1], 10, 64)
	if err != nil {
		return nil, errors.New("bad expiry")
	}
	d := &Device{ControllerID: parts[0], Expires: time.Unix(exp, 0)}
	if time.Now().After(d.Expires) {
		return nil, errors.New("token expired")
	}
	return d, nil
}
