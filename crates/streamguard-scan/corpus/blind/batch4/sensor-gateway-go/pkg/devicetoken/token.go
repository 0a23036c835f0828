// Package devicetoken verifies the HMAC tokens flashed onto devices at provisioning:
// base64url(device_id "." exp_unix "." hex(hmac_sha256(key, device_id "." exp_unix))).
package devicetoken

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"strconv"
	"strings"
	"time"

	"google.golang.org/grpc/metadata"
)

type Device struct {
	ID      string
	Expires time.Time
}

var ErrBadToken = errors.New("device token malformed or forged")

type Verifier struct{ Key []byte }

func (v Verifier) FromContext(ctx context.Context) (Device, error) {
	md, ok := metadata.FromIncomingContext(ctx)
	if !ok || len(md.Get("x-device-token")) != 1 {
		return Device{}, errors.New("x-device-token metadata required")
	}
	raw, err := base64.RawURLEncoding.DecodeString(md.Get("x-device-token")[0])
	if err != nil {
		return Device{}, ErrBadToken
	}
	parts := strings.Split(string(raw), ".")
	if len(parts) != 3 {
		return Device{}, ErrBadToken
	}
	mac := hmac.New(sha256.New, v.Key)
	mac.Write([]byte(parts[0] + "." + parts[1]))
	want := mac.Sum(nil)
	got, err := hex.DecodeString(parts[2])
	if err != nil || !hmac.Equal(want, got) {
		return Device{}, ErrBadToken
	}
	exp, err := strconv.ParseInt(parts[1], 10, 64)
	if err != nil {
		return Device{}, ErrBadToken
	}
	d := Device{ID: parts[0], Expires: time.Unix(exp, 0)}
	if time.Now().After(d.Expires) {
		return Device{}, errors.New("device token expired: re-provision the device")
	}
	return d, nil
}
