package auth

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strconv"
	"strings"
	"time"
)

// Cabinet tokens are issued by the field provisioning tool:
//   <controllerID>|<intersectionID>|<expiryUnix>|<hex hmac-sha256>
type CabinetToken struct {
	Controller   string
	Intersection string
	Expiry       time.Time
}

var ErrBadCabinetToken = errors.New("bad cabinet token")

func VerifyCabinetToken(secret []byte, raw string, now time.Time) (*CabinetToken, error) {
	parts := strings.Split(raw, "|")
	if len(parts) != 4 {
		return nil, ErrBadCabinetToken
	}
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(strings.Join(parts[:3], "|")))
	want := mac.Sum(nil)
	got, err := hex.DecodeString(parts[3])
	if err != nil || !hmac.Equal(want, got) {
		return nil, ErrBadCabinetToken
	}
	exp, err := strconv.ParseInt(parts[2], 10, 64)
	if err != nil || now.After(time.Unix(exp, 0)) {
		return nil, ErrBadCabinetToken
	}
	return &CabinetToken{Controller: parts[0], Intersection: parts[1], Expiry: time.Unix(exp, 0)}, nil
}
