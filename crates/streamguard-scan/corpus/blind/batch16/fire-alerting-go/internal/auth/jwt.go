package auth

import (
	"context"
	"crypto/rsa"
	"errors"
	"strings"

	"github.com/golang-jwt/jwt/v5"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

type Firefighter struct {
	Subject  string
	Stations []string
	Rank     string
}

func (f *Firefighter) AtStation(id string) bool {
	for _, s := range f.Stations {
		if s == id {
			return true
		}
	}
	return false
}

type ctxKey struct{}

func FromContext(ctx context.Context) (*Firefighter, bool) {
	f, ok := ctx.Value(ctxKey{}).(*Firefighter)
	return f, ok
}

type claims struct {
	jwt.RegisteredClaims
	Stations []string `json:"stations"`
	Rank     string   `json:"rank"`
}

type Verifier struct {
	Key      *rsa.PublicKey
	Issuer   string
	Audience string
}

func (v *Verifier) verify(raw string) (*Firefighter, error) {
	var c claims
	_, err := jwt.ParseWithClaims(raw, &c, func(*jwt.Token) (any, error) { return v.Key, nil },
		jwt.WithValidMethods([]string{"RS256"}), jwt.WithIssuer(v.Issuer), jwt.WithAudience(v.Audience),
		jwt.WithExpirationRequired())
	if err != nil {
		return nil, err
	}
	return &Firefighter{Subject: c.Subject, Stations: c.Stations, Rank: c.Rank}, nil
}

type wrapped struct {
	grpc.ServerStream
	ctx context.Context
}

func (w *wrapped) Context() context.Context { return w.ctx }

// StreamInterceptor authenticates every stream when it opens and puts the firefighter in its context.
func (v *Verifier) StreamInterceptor(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	md, _ := metadata.FromIncomingContext(ss.Context())
	vals := md.Get("authorization")
	if len(vals) == 0 || !strings.HasPrefix(vals[0], "Bearer ") {
		return status.Error(codes.Unauthenticated, "missing bearer token")
	}
	f, err := v.verify(strings.TrimPrefix(vals[0], "Bearer "))
	if err != nil {
		if errors.Is(err, jwt.ErrTokenExpired) {
			return status.Error(codes.Unauthenticated, "token_expired")
		}
		return status.Error(codes.Unauthenticated, "invalid token")
	}
	return handler(srv, &wrapped{ServerStream: ss, ctx: context.WithValue(ss.Context(), ctxKey{}, f)})
}
