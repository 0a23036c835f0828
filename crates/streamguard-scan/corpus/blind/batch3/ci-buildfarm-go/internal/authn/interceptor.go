package authn

import (
	"context"
	"errors"
	"strings"

	"github.com/golang-jwt/jwt/v5"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

var (
	errTokenExpired = errors.New("token_expired")
	errTokenRevoked = errors.New("token_revoked")
)

type Claims struct {
	jwt.RegisteredClaims
	Role      string   `json:"role"`
	Instances []string `json:"instances"`
}

type claimsKey struct{}

func ClaimsFrom(ctx context.Context) *Claims {
	c, _ := ctx.Value(claimsKey{}).(*Claims)
	return c
}

type Authenticator struct {
	Key         []byte
	Audience    string
	Revocations *Revocations
}

func (a *Authenticator) parse(ctx context.Context) (*Claims, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	raw := md.Get("authorization")
	if len(raw) != 1 || !strings.HasPrefix(raw[0], "Bearer ") {
		return nil, errors.New("missing bearer token")
	}
	c := &Claims{}
	_, err := jwt.ParseWithClaims(strings.TrimPrefix(raw[0], "Bearer "), c,
		func(*jwt.Token) (any, error) { return a.Key, nil },
		jwt.WithValidMethods([]string{"HS256"}),
		jwt.WithAudience(a.Audience),
		jwt.WithExpirationRequired(),
	)
	return c, err
}

// guardedStream fails sends and receives once the token behind the stream has
// expired or been revoked.
type guardedStream struct {
	grpc.ServerStream
	ctx context.Context
}

func (s *guardedStream) Context() context.Context { return s.ctx }

func (s *guardedStream) fail() error {
	if errors.Is(context.Cause(s.ctx), errTokenRevoked) {
		return status.Error(codes.PermissionDenied, "token_revoked")
	}
	return status.Error(codes.Unauthenticated, "token_expired")
}

func (s *guardedStream) SendMsg(m any) error {
	if s.ctx.Err() != nil {
		return s.fail()
	}
	return s.ServerStream.SendMsg(m)
}

func (s *guardedStream) RecvMsg(m any) error {
	if s.ctx.Err() != nil {
		return s.fail()
	}
	errc := make(chan error, 1)
	go func() { errc <- s.ServerStream.RecvMsg(m) }()
	select {
	case err := <-errc:
		return err
	case <-s.ctx.Done():
		return s.fail()
	}
}

func (a *Authenticator) Stream() grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		claims, err := a.parse(ss.Context())
		if err != nil {
			return status.Error(codes.Unauthenticated, err.Error())
		}
		base := context.WithValue(ss.Context(), claimsKey{}, claims)
		ctx, cancelExp := context.WithDeadlineCause(base, claims.ExpiresAt.Time, errTokenExpired)
		defer cancelExp()
		ctx, cancelRev := context.WithCancelCause(ctx)
		defer cancelRev(nil)

		watch := a.Revocations.Watch(claims.ID, claims.Subject)
		defer watch.Stop()
		go func() {
			select {
			case <-watch.C:
				cancelRev(errTokenRevoked)
			case <-ctx.Done():
			}
		}()

		gs := &guardedStream{ServerStream: ss, ctx: ctx}
		if err := handler(srv, gs); err != nil {
			if ctx.Err() != nil && ss.Context().Err() == nil {
				return gs.fail()
			}
			return err
		}
		return nil
	}
}

func (a *Authenticator) Unary() grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		claims, err := a.parse(ctx)
		if err != nil {
			return nil, status.Error(codes.Unauthenticated, err.Error())
		}
		return handler(context.WithValue(ctx, claimsKey{}, claims), req)
	}
}
