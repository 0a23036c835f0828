// Package auth verifies technician and operator tokens issued by the facilities IdP.
package auth

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

type Claims struct {
	jwt.RegisteredClaims
	Buildings []string `json:"buildings"`
	Role      string   `json:"role"`
}

func (c *Claims) HasBuilding(id string) bool {
	for _, b := range c.Buildings {
		if b == id || b == "*" {
			return true
		}
	}
	return false
}

type Verifier struct {
	Key      *ecdsa.PublicKey
	Issuer   string
	Audience string
}

var ErrNoToken = errors.New("missing bearer token")

func (v *Verifier) Verify(authorization string) (*Claims, error) {
	raw, ok := strings.CutPrefix(authorization, "Bearer ")
	if !ok {
		return nil, ErrNoToken
	}
	c := &Claims{}
	_, err := jwt.ParseWithClaims(raw, c, func(*jwt.Token) (any, error) { return v.Key, nil },
		jwt.WithValidMethods([]string{"ES256"}), jwt.WithIssuer(v.Issuer), jwt.WithAudience(v.Audience),
		jwt.WithExpirationRequired(), jwt.WithLeeway(1e9))
	if err != nil {
		return nil, err
	}
	return c, nil
}

type claimsKey struct{}

func WithClaims(ctx context.Context, c *Claims) context.Context { return context.WithValue(ctx, claimsKey{}, c) }

func FromContext(ctx context.Context) (*Claims, bool) {
	c, ok := ctx.Value(claimsKey{}).(*Claims)
	return c, ok
}
