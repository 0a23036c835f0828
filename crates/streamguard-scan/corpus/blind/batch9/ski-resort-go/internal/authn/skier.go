// Package authn authenticates skiers (app JWTs) and gates (HMAC device tokens).
package authn

import (
	"context"
	"strings"

	"github.com/golang-jwt/jwt/v5"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

type Skier struct {
	ID      string
	PassUID string
}

type skierKey struct{}

func SkierFrom(ctx context.Context) (*Skier, bool) {
	s, ok := ctx.Value(skierKey{}).(*Skier)
	return s, ok
}

type SkierAuth struct {
	Secret   []byte
	Audience string
	// Methods that do their own authentication (or none).
	Skip map[string]bool
}

type skierClaims struct {
	jwt.RegisteredClaims
	PassUID string `json:"pass_uid"`
}

func (a *SkierAuth) check(ctx context.Context) (context.Context, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	h := md.Get("authorization")
	if len(h) == 0 || !strings.HasPrefix(h[0], "Bearer ") {
		return nil, status.Error(codes.Unauthenticated, "sign in required")
	}
	c := &skierClaims{}
	if _, err := jwt.ParseWithClaims(strings.TrimPrefix(h[0], "Bearer "), c, func(*jwt.Token) (any, error) { return a.Secret, nil },
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithAudience(a.Audience), jwt.WithExpirationRequired()); err != nil {
		return nil, status.Errorf(codes.Unauthenticated, "invalid session: %v", err)
	}
	return context.WithValue(ctx, skierKey{}, &Skier{ID: c.Subject, PassUID: c.PassUID}), nil
}

type ctxStream struct {
	grpc.ServerStream
	ctx context.Context
}

func (s ctxStream) Context() context.Context { return s.ctx }

func (a *SkierAuth) StreamInterceptor(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, h grpc.StreamHandler) error {
	if a.Skip[info.FullMethod] {
		return h(srv, ss)
	}
	ctx, err := a.check(ss.Context())
	if err != nil {
		return err
	}
	return h(srv, ctxStream{ss, ctx})
}

func (a *SkierAuth) UnaryInterceptor(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
	if a.Skip[info.FullMethod] {
		return h(ctx, req)
	}
	ctx, err := a.check(ctx)
	if err != nil {
		return nil, err
	}
	return h(ctx, req)
}
