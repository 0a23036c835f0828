package auth

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
)

// RTU tokens: "<rtu_id>.<unix_exp>.<hex hmac>", issued per unit by the commissioning tool.
type RTUVerifier struct {
	Secret []byte

	mu             sync.RWMutex
	decommissioned map[string]bool
}

func (r *RTUVerifier) Verify(rtuID, token string, now time.Time) error {
	parts := strings.Split(token, ".")
	if len(parts) != 3 || parts[0] != rtuID {
		return errors.New("token not for this rtu")
	}
	mac := hmac.New(sha256.New, r.Secret)
	mac.Write([]byte(parts[0] + "." + parts[1]))
	want := hex.EncodeToString(mac.Sum(nil))
	if !hmac.Equal([]byte(want), []byte(parts[2])) {
		return errors.New("bad rtu token")
	}
	exp, err := strconv.ParseInt(parts[1], 10, 64)
	if err != nil || now.Unix() >= exp {
		return errors.New("rtu token expired")
	}
	r.mu.RLock()
	gone := r.decommissioned[rtuID]
	r.mu.RUnlock()
	if gone {
		return errors.New("rtu decommissioned")
	}
	return nil
}

// Follow keeps the decommissioned set current from the asset registry's NATS subject.
func (r *RTUVerifier) Follow(nc *nats.Conn) (*nats.Subscription, error) {
	return nc.Subscribe("assets.rtu.decommissioned", func(m *nats.Msg) {
		r.mu.Lock()
		if r.decommissioned == nil {
			r.decommissioned = map[string]bool{}
		}
		r.decommissioned[string(m.Data)] = true
		r.mu.Unlock()
	})
}
