package auth

import (
	"context"
	"errors"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

type Claims struct {
	jwt.Claims
	Scope string `json:"scope"`
}

func (c *Claims) Scopes() []string { return strings.Fields(c.Scope) }

func (c *Claims) Has(scope string) bool { return slices.Contains(c.Scopes(), scope) }

type Verifier struct {
	keys     jose.JSONWebKeySet
	issuer   string
	audience string
}

func LoadVerifier(jwksPath, issuer, audience string) (*Verifier, error) {
	raw, err := os.ReadFile(jwksPath)
	if err != nil {
		return nil, err
	}
	v := &Verifier{issuer: issuer, audience: audience}
	if err := jsonUnmarshal(raw, &v.keys); err != nil {
		return nil, err
	}
	return v, nil
}

func (v *Verifier) Verify(raw string) (*Claims, error) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.ES256, jose.RS256})
	if err != nil {
		return nil, err
	}
	if len(tok.Headers) == 0 {
		return nil, errors.New("no jws header")
	}
	keys := v.keys.Key(tok.Headers[0].KeyID)
	if len(keys) == 0 {
		return nil, errors.New("unknown kid")
	}
	c := &Claims{}
	if err := tok.Claims(keys[0].Public().Key, c); err != nil {
		return nil, err
	}
	if c.Expiry == nil {
		return nil, errors.New("exp required")
	}
	err = c.ValidateWithLeeway(jwt.Expected{Issuer: v.issuer, AnyAudience: jwt.Audience{v.audience}, Time: time.Now()}, time.Second)
	return c, err
}

type claimsKey struct{}

func WithClaims(ctx context.Context, c *Claims) context.Context {
	return context.WithValue(ctx, claimsKey{}, c)
}

func FromContext(ctx context.Context) *Claims {
	c, _ := ctx.Value(claimsKey{}).(*Claims)
	return c
}
