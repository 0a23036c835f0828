package authn

import (
	"context"
	"errors"

	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

var (
	ErrTokenExpired = status.Error(codes.Unauthenticated, "token_expired")
	ErrTokenRevoked = status.Error(codes.PermissionDenied, "token_revoked")
)

// Revocations fans out revocation messages published on Redis to the live streams that match.
type Revocations struct {
	RDB *redis.Client
	hub *hub
}

func (r *Revocations) Run(ctx context.Context) {
	r.hub = newHub()
	sub := r.RDB.Subscribe(ctx, "cad:revocations")
	defer sub.Close()
	for msg := range sub.Channel() {
		r.hub.fire(msg.Payload)
	}
}

// Guard derives a context that ends at the token's exp (cause ErrTokenExpired) or when the
// token's jti or subject is revoked (cause ErrTokenRevoked). Use the returned context for the
// stream's whole life and report context.Cause on exit.
func (r *Revocations) Guard(ctx context.Context, c *Claims) (context.Context, context.CancelFunc) {
	ctx, cancelExp := context.WithDeadlineCause(ctx, c.ExpiresAt.Time, ErrTokenExpired)
	ctx, cancel := context.WithCancelCause(ctx)
	unsub := r.hub.watch([]string{"jti:" + c.ID, "sub:" + c.Subject}, func() { cancel(ErrTokenRevoked) })
	return ctx, func() {
		unsub()
		cancel(context.Canceled)
		cancelExp()
	}
}

// StatusOf turns the guard's cause into the status the stream should end with.
func StatusOf(ctx context.Context, err error) error {
	cause := context.Cause(ctx)
	if errors.Is(cause, ErrTokenExpired) || errors.Is(cause, ErrTokenRevoked) {
		return cause
	}
	return err
}
