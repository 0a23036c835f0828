package authn

import (
	"context"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

type principalKey struct{}

type Principal struct {
	Subject string
	Kind    string // "runner" or "user"
	Pools   []string
	JTI     string
	Expires time.Time
}

func PrincipalFrom(ctx context.Context) *Principal {
	p, _ := ctx.Value(principalKey{}).(*Principal)
	return p
}

type Guard struct {
	secret []byte
	rdb    *redis.Client
}

func NewGuard(secret []byte, rdb *redis.Client) *Guard { return &Guard{secret: secret, rdb: rdb} }

type claims struct {
	jwt.RegisteredClaims
	Kind  string   `json:"kind"`
	Pools []string `json:"pools"`
}

func (g *Guard) authenticate(ctx context.Context) (*Principal, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	raw := md.Get("authorization")
	if len(raw) == 0 {
		return nil, status.Error(codes.Unauthenticated, "missing credentials")
	}
	c := &claims{}
	if _, err := jwt.ParseWithClaims(strings.TrimPrefix(raw[0], "Bearer "), c, func(*jwt.Token) (any, error) { return g.secret, nil },
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired(), jwt.WithLeeway(time.Second)); err != nil {
		return nil, status.Error(codes.Unauthenticated, "invalid token")
	}
	if n, _ := g.rdb.Exists(ctx, "revoked:"+c.ID, "revoked-sub:"+c.Subject).Result(); n > 0 {
		return nil, status.Error(codes.PermissionDenied, "token_revoked")
	}
	return &Principal{Subject: c.Subject, Kind: c.Kind, Pools: c.Pools, JTI: c.ID, Expires: c.ExpiresAt.Time}, nil
}

func (g *Guard) UnaryInterceptor(ctx context.Context, req any, _ *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
	p, err := g.authenticate(ctx)
	if err != nil {
		return nil, err
	}
	return h(context.WithValue(ctx, principalKey{}, p), req)
}

// sessionStream ties a stream to its credential: the context ends at token expiry or on revocation.
type sessionStream struct {
	grpc.ServerStream
	ctx context.Context
}

func (s *sessionStream) Context() context.Context { return s.ctx }

func (s *sessionStream) SendMsg(m any) error {
	if err := s.ctx.Err(); err != nil {
		return sessionErr(s.ctx)
	}
	return s.ServerStream.SendMsg(m)
}

func (s *sessionStream) RecvMsg(m any) error {
	if err := s.ctx.Err(); err != nil {
		return sessionErr(s.ctx)
	}
	return s.ServerStream.RecvMsg(m)
}

type revokedErr struct{}

func (revokedErr) Error() string { return "token_revoked" }

func sessionErr(ctx context.Context) error {
	if context.Cause(ctx) == (revokedErr{}) {
		return status.Error(codes.PermissionDenied, "token_revoked")
	}
	if ctx.Err() == context.DeadlineExceeded {
		return status.Error(codes.Unauthenticated, "token_expired")
	}
	return status.FromContextError(ctx.Err()).Err()
}

func (g *Guard) StreamInterceptor(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, h grpc.StreamHandler) error {
	p, err := g.authenticate(ss.Context())
	if err != nil {
		return err
	}
	base, cancelCause := context.WithCancelCause(context.WithValue(ss.Context(), principalKey{}, p))
	defer cancelCause(nil)
	ctx, cancel := context.WithDeadline(base, p.Expires)
	defer cancel()

	sub := g.rdb.Subscribe(ctx, "revocations")
	defer sub.Close()
	go func() {
		for msg := range sub.Channel() {
			if msg.Payload == "jti:"+p.JTI || msg.Payload == "sub:"+p.Subject {
				cancelCause(revokedErr{})
				return
			}
		}
	}()

	done := make(chan error, 1)
	go func() { done <- h(srv, &sessionStream{ServerStream: ss, ctx: ctx}) }()

	select {
	case err := <-done:
		if ctx.Err() != nil && ss.Context().Err() == nil {
			return sessionErr(ctx)
		}
		return err
	case <-ctx.Done():
		if ss.Context().Err() != nil {
			return <-done
		}
		// Returning ends the RPC with the session status; the handler's pending
		// Send/Recv calls fail once the transport stream is finished.
		return sessionErr(ctx)
	}
}
