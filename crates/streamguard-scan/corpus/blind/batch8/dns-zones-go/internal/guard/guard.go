package guard

import (
	"context"
	"errors"
	"strings"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

var (
	errTokenExpired = errors.New("token_expired")
	errTokenRevoked = errors.New("token_revoked")
	errMaxLifetime  = errors.New("max_stream_lifetime")
)

// MessageAuthorizer is consulted for every message a client sends on a stream.
type MessageAuthorizer func(ctx context.Context, c *Claims, msg any) error

type Guard struct {
	Verifier    *Verifier
	Revocations *Revocations
	MaxLifetime time.Duration
	Authorize   MessageAuthorizer
}

func bearer(ctx context.Context) string {
	md, _ := metadata.FromIncomingContext(ctx)
	if v := md.Get("authorization"); len(v) > 0 && strings.HasPrefix(v[0], "Bearer ") {
		return strings.TrimPrefix(v[0], "Bearer ")
	}
	return ""
}

func (g *Guard) Unary() grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, _ *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
		c, err := g.Verifier.Verify(bearer(ctx))
		if err != nil {
			return nil, status.Errorf(codes.Unauthenticated, "token rejected: %v", err)
		}
		return h(context.WithValue(ctx, claimsKey{}, c), req)
	}
}

// Stream binds every stream to its token: the stream's context ends at the
// token's expiry, on a pushed revocation and after MaxLifetime, and every
// received message goes through Authorize.
func (g *Guard) Stream() grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, h grpc.StreamHandler) error {
		c, err := g.Verifier.Verify(bearer(ss.Context()))
		if err != nil {
			return status.Errorf(codes.Unauthenticated, "token rejected: %v", err)
		}
		ctx, cancelExp := context.WithDeadlineCause(ss.Context(), c.Expiry, errTokenExpired)
		defer cancelExp()
		ctx, cancelLife := context.WithTimeoutCause(ctx, g.MaxLifetime, errMaxLifetime)
		defer cancelLife()
		ctx, cancel := context.WithCancelCause(context.WithValue(ctx, claimsKey{}, c))
		defer cancel(nil)
		revoked, release := g.Revocations.Watch(c.JTI, c.Subject)
		defer release()
		go func() {
			select {
			case <-revoked:
				cancel(errTokenRevoked)
			case <-ctx.Done():
			}
		}()

		errc := make(chan error, 1)
		go func() { errc <- h(srv, &guardedStream{ServerStream: ss, ctx: ctx, claims: c, authorize: g.Authorize}) }()
		select {
		case err := <-errc:
			return err
		case <-ctx.Done():
			return statusFor(context.Cause(ctx))
		}
	}
}

func statusFor(cause error) error {
	switch {
	case errors.Is(cause, errTokenExpired):
		return status.Error(codes.Unauthenticated, "token_expired")
	case errors.Is(cause, errTokenRevoked):
		return status.Error(codes.PermissionDenied, "token_revoked")
	case errors.Is(cause, errMaxLifetime):
		return status.Error(codes.Unavailable, "max_stream_lifetime")
	default:
		return status.FromContextError(cause).Err()
	}
}

type guardedStream struct {
	grpc.ServerStream
	ctx       context.Context
	claims    *Claims
	authorize MessageAuthorizer
}

func (s *guardedStream) Context() context.Context { return s.ctx }

func (s *guardedStream) SendMsg(m any) error {
	if err := s.ctx.Err(); err != nil {
		return statusFor(context.Cause(s.ctx))
	}
	return s.ServerStream.SendMsg(m)
}

func (s *guardedStream) RecvMsg(m any) error {
	if err := s.ServerStream.RecvMsg(m); err != nil {
		return err
	}
	if s.authorize != nil {
		return s.authorize(s.ctx, s.claims, m)
	}
	return nil
}
