package lifetime

import (
	"context"
	"time"

	"google.golang.org/grpc"
)

type bounded struct {
	grpc.ServerStream
	ctx context.Context
}

func (b *bounded) Context() context.Context { return b.ctx }

// StreamInterceptor gives every stream a maximum lifetime; handlers select on
// their context and return when it ends.
func StreamInterceptor(max time.Duration) grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		ctx, cancel := context.WithTimeout(ss.Context(), max)
		defer cancel()
		return handler(srv, &bounded{ServerStream: ss, ctx: ctx})
	}
}
