package guard

import (
	"context"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

type Claims struct {
	Subject string
	JTI     string
	Expiry  time.Time
	Zones   []string // zone apexes the token may manage ("*.example.com." style suffixes allowed)
	Scopes  map[string]bool
}

type claimsKey struct{}

func ClaimsFrom(ctx context.Context) *Claims {
	c, _ := ctx.Value(claimsKey{}).(*Claims)
	return c
}

func (c *Claims) Manages(zone string) bool {
	zone = strings.ToLower(zone)
	for _, z := range c.Zones {
		if z == zone || (strings.HasPrefix(z, "*.") && strings.HasSuffix(zone, z[1:])) {
			return true
		}
	}
	return false
}

type Verifier struct {
	Keyfunc  jwt.Keyfunc
	Audience string
	Issuer   string
}

func (v *Verifier) Verify(raw string) (*Claims, error) {
	tok, err := jwt.Parse(raw, v.Keyfunc,
		jwt.WithValidMethods([]string{"ES256", "EdDSA"}),
		jwt.WithAudience(v.Audience),
		jwt.WithIssuer(v.Issuer),
		jwt.WithExpirationRequired(),
		jwt.WithLeeway(time.Second),
	)
	if err != nil {
		return nil, err
	}
	mc := tok.Claims.(jwt.MapClaims)
	exp, _ := mc.GetExpirationTime()
	sub, _ := mc.GetSubject()
	c := &Claims{Subject: sub, Expiry: exp.Time, Scopes: map[string]bool{}}
	c.JTI, _ = mc["jti"].(string)
	if zs, ok := mc["zones"].([]any); ok {
		for _, z := range zs {
			if s, ok := z.(string); ok {
				c.Zones = append(c.Zones, strings.ToLower(s))
			}
		}
	}
	if s, ok := mc["scope"].(string); ok {
		for _, sc := range strings.Fields(s) {
			c.Scopes[sc] = true
		}
	}
	return c, nil
}
