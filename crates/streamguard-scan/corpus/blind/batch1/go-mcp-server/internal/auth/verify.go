package auth

import (
	"context"
	"crypto"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"google.golang.org/grpc/metadata"
)

// Claims is the verified identity carried by a request.
type Claims struct {
	jwt.RegisteredClaims
	Scope string `json:"scope"`
}

// Scopes returns the space-delimited scope claim as a slice.
func (c *Claims) Scopes() []string { return strings.Fields(c.Scope) }

// Has reports whether the token grants scope s.
func (c *Claims) Has(s string) bool {
	for _, g := range c.Scopes() {
		if g == s {
			return true
		}
	}
	return false
}

// Verifier checks RS256 bearer tokens.
type Verifier struct {
	Key      crypto.PublicKey
	Issuer   string
	Audience string
}

var ErrNoToken = errors.New("no bearer token")

// FromContext extracts and verifies the bearer token of an incoming call.
func (v *Verifier) FromContext(ctx context.Context) (*Claims, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	vals := md.Get("authorization")
	if len(vals) == 0 || !strings.HasPrefix(vals[0], "Bearer ") {
		return nil, ErrNoToken
	}
	claims := &Claims{}
	_, err := jwt.ParseWithClaims(strings.TrimPrefix(vals[0], "Bearer "), claims,
		func(t *jwt.Token) (any, error) { return v.Key, nil },
		jwt.WithValidMethods([]string{"RS256"}),
		jwt.WithIssuer(v.Issuer),
		jwt.WithAudience(v.Audience),
		jwt.WithExpirationRequired(),
		jwt.WithLeeway(time.Second),
	)
	if err != nil {
		return nil, fmt.Errorf("verify: %w", err)
	}
	return claims, nil
}

type claimsKey struct{}

// WithClaims stores verified claims in ctx.
func WithClaims(ctx context.Context, c *Claims) context.Context {
	return context.WithValue(ctx, claimsKey{}, c)
}

// ClaimsFrom returns the claims stored by the interceptor.
func ClaimsFrom(ctx context.Context) *Claims {
	c, _ := ctx.Value(claimsKey{}).(*Claims)
	return c
}
