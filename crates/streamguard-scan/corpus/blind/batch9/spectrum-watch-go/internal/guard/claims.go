// Package guard authenticates streams and keeps them authorized while they live.
package guard

import (
	"context"
	"slices"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

type Claims struct {
	jwt.RegisteredClaims
	Scope    string   `json:"scope"`
	Stations []string `json:"stations"`
}

func (c *Claims) HasScope(s string) bool { return slices.Contains(strings.Fields(c.Scope), s) }

func (c *Claims) OwnsStation(id string) bool { return slices.Contains(c.Stations, id) }

type ctxKey struct{}

func ClaimsFrom(ctx context.Context) *Claims {
	c, _ := ctx.Value(ctxKey{}).(*Claims)
	return c
}
