package authn

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

var (
	ErrExpired = errors.New("token_expired")
	ErrRevoked = errors.New("token_revoked")
)

type Claims struct {
	jwt.RegisteredClaims
	Warehouses []string `json:"warehouses"`
	Scope      string   `json:"scope"`
}

func (c *Claims) InWarehouse(w string) bool { return slices.Contains(c.Warehouses, w) }

func (c *Claims) Can(scope string) bool { return slices.Contains(strings.Fields(c.Scope), scope) }

type key struct{}

func From(ctx context.Context) *Claims {
	c, _ := ctx.Value(key{}).(*Claims)
	return c
}

type Guard struct {
	Secret []byte
	Redis  *redis.Client
}

func (g *Guard) verify(ctx context.Context) (*Claims, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	h := md.Get("authorization")
	if len(h) == 0 {
		return nil, errors.New("no credentials")
	}
	c := &Claims{}
	_, err := jwt.ParseWithClaims(strings.TrimPrefix(h[0], "Bearer "), c,
		func(*jwt.Token) (any, error) { return g.Secret, nil },
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired(), jwt.WithLeeway(time.Second))
	if err != nil {
		return nil, err
	}
	if n, _ := g.Redis.Exists(ctx, "revoked:jti:"+c.ID, "revoked:sub:"+c.Subject).Result(); n > 0 {
		return nil, ErrRevoked
	}
	return c, nil
}

// watchRevocation cancels the stream as soon as the token's jti or subject is
// published on the revocation channel.
func (g *Guard) watchRevocation(ctx context.Context, c *Claims, cancel context.CancelCauseFunc) {
	sub := g.Redis.Subscribe(ctx, "revocations")
	defer sub.Close()
	ch := sub.Channel()
	for {
		select {
		case <-ctx.Done():
			return
		case m, ok := <-ch:
			if !ok {
				return
			}
			if m.Payload == "jti:"+c.ID || m.Payload == "sub:"+c.Subject {
				cancel(ErrRevoked)
				return
			}
		}
	}
}

type stream struct {
	grpc.ServerStream
	ctx context.Context
}

func (s *stream) Context() context.Context { return s.ctx }

func (s *stream) err() error {
	if errors.Is(context.Cause(s.ctx), ErrRevoked) {
		return status.Error(codes.PermissionDenied, ErrRevoked.Error())
	}
	if errors.Is(context.Cause(s.ctx), ErrExpired) {
		return status.Error(codes.Unauthenticated, ErrExpired.Error())
	}
	return status.FromContextError(s.ctx.Err()).Err()
}

func (s *stream) SendMsg(m any) error {
	if s.ctx.Err() != nil {
		return s.err()
	}
	return s.ServerStream.SendMsg(m)
}

func (s *stream) RecvMsg(m any) error {
	done := make(chan error, 1)
	go func() { done <- s.ServerStream.RecvMsg(m) }()
	select {
	case err := <-done:
		return err
	case <-s.ctx.Done():
		return s.err()
	}
}

func (g *Guard) StreamInterceptor(srv any, ss grpc.ServerStream, _ *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	c, err := g.verify(ss.Context())
	if errors.Is(err, ErrRevoked) {
		return status.Error(codes.PermissionDenied, err.Error())
	}
	if err != nil {
		return status.Error(codes.Unauthenticated, err.Error())
	}
	ctx, cancel := context.WithCancelCause(context.WithValue(ss.Context(), key{}, c))
	defer cancel(nil)
	ctx, stop := context.WithDeadlineCause(ctx, c.ExpiresAt.Time.Add(time.Second), ErrExpired)
	defer stop()
	go g.watchRevocation(ctx, c, cancel)

	s := &stream{ServerStream: ss, ctx: ctx}
	if err := handler(srv, s); err != nil {
		if ctx.Err() != nil && ss.Context().Err() == nil {
			return s.err()
		}
		return err
	}
	return nil
}

func (g *Guard) UnaryInterceptor(ctx context.Context, req any, _ *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	c, err := g.verify(ctx)
	if err != nil {
		return nil, status.Error(codes.Unauthenticated, err.Error())
	}
	return handler(context.WithValue(ctx, key{}, c), req)
}
