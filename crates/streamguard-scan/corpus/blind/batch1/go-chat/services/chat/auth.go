package main

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/golang-jwt/jwt/v5"
	"google.golang.org/grpc/metadata"
)

type user struct {
	Name  string
	Rooms []string
}

func (u *user) MemberOf(room string) bool { return slices.Contains(u.Rooms, room) }

type chatClaims struct {
	jwt.RegisteredClaims
	Rooms []string `json:"rooms"`
}

type authenticator struct {
	secret []byte
}

var errNoCredentials = errors.New("missing credentials")

func (a *authenticator) userFromContext(ctx context.Context) (*user, error) {
	md, ok := metadata.FromIncomingContext(ctx)
	if !ok {
		return nil, errNoCredentials
	}
	raw := md.Get("authorization")
	if len(raw) == 0 {
		return nil, errNoCredentials
	}
	tok := strings.TrimPrefix(raw[0], "Bearer ")
	var c chatClaims
	if _, err := jwt.ParseWithClaims(tok, &c, func(*jwt.Token) (any, error) { return a.secret, nil },
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithAudience("chat")); err != nil {
		return nil, err
	}
	return &user{Name: c.Subject, Rooms: c.Rooms}, nil
}
