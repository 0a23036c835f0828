package plant

import (
	"context"

	"google.golang.org/grpc/status"
)

// context_cause returns the guard's status (token_expired, token_revoked,
// max_stream_lifetime) when there is one, else the context error.
func context_cause(ctx context.Context) error {
	if c := context.Cause(ctx); c != nil {
		if _, ok := status.FromError(c); ok {
			return c
		}
	}
	return status.FromContextError(ctx.Err()).Err()
}
