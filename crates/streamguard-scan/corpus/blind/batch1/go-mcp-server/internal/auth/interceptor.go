package auth

import (
	"context"
	"errors"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

var (
	errTokenExpired = errors.New("token_expired")
	errTokenRevoked = errors.New("token_revoked")
)

// guardedStream fails sends and receives once the session context is done.
type guardedStream struct {
	grpc.ServerStream
	ctx context.Context
}

func (g *guardedStream) Context() context.Context { return g.ctx }

func (g *guardedStream) SendMsg(m any) error {
	if err := g.ctx.Err(); err != nil {
		return sessionStatus(g.ctx)
	}
	return g.ServerStream.SendMsg(m)
}

func (g *guardedStream) RecvMsg(m any) error {
	done := make(chan error, 1)
	go func() { done <- g.ServerStream.RecvMsg(m) }()
	select {
	case err := <-done:
		return err
	case <-g.ctx.Done():
		return sessionStatus(g.ctx)
	}
}

func sessionStatus(ctx context.Context) error {
	switch context.Cause(ctx) {
	case errTokenExpired:
		return status.Error(codes.Unauthenticated, "token_expired")
	case errTokenRevoked:
		return status.Error(codes.PermissionDenied, "token_revoked")
	default:
		return status.FromContextError(ctx.Err()).Err()
	}
}

// StreamInterceptor authenticates every stream and keeps the token honest for
// the life of the stream: it ends at exp and as soon as the token is revoked.
func StreamInterceptor(v *Verifier, rev *Revocations) grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		claims, err := v.FromContext(ss.Context())
		if err != nil {
			return status.Error(codes.Unauthenticated, "invalid_token")
		}
		if rev.Revoked(claims.ID, claims.Subject) {
			return status.Error(codes.PermissionDenied, "token_revoked")
		}

		ctx, cancel := context.WithCancelCause(ss.Context())
		defer cancel(nil)
		ctx, stop := context.WithDeadlineCause(ctx, claims.ExpiresAt.Time.Add(time.Second), errTokenExpired)
		defer stop()

		w := rev.Watch(claims.ID, claims.Subject)
		defer w.Close()
		go func() {
			select {
			case <-w.C:
				cancel(errTokenRevoked)
			case <-ctx.Done():
			}
		}()

		err = handler(srv, &guardedStream{ServerStream: ss, ctx: WithClaims(ctx, claims)})
		if ctx.Err() != nil && ss.Context().Err() == nil {
			return sessionStatus(ctx)
		}
		return err
	}
}
