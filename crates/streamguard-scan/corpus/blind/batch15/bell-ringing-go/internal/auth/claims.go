package auth

import (
	"context"
	"slices"

	"github.com/golang-jwt/jwt/v5"
)

// RingerClaims are issued by the guild's membership site.
type RingerClaims struct {
	jwt.RegisteredClaims
	Bands  []string `json:"bands"`
	Towers []string `json:"towers"`
	Scope  string   `json:"scope"`
}

func (c *RingerClaims) InTower(tower string) bool { return slices.Contains(c.Towers, tower) }
func (c *RingerClaims) InBand(band string) bool   { return slices.Contains(c.Bands, band) }

type claimsKey struct{}

func WithClaims(ctx context.Context, c *RingerClaims) context.Context {
	return context.WithValue(ctx, claimsKey{}, c)
}

func FromContext(ctx context.Context) (*RingerClaims, bool) {
	c, ok := ctx.Value(claimsKey{}).(*RingerClaims)
	return c, ok
}
