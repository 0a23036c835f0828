package apikeys

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

type keyCtx struct{}

// FromContext returns the key the interceptor accepted.
func FromContext(ctx context.Context) *Key {
	k, _ := ctx.Value(keyCtx{}).(*Key)
	return k
}

// RawFromMetadata returns the x-api-key header of the call.
func RawFromMetadata(ctx context.Context) string {
	md, _ := metadata.FromIncomingContext(ctx)
	if v := md.Get("x-api-key"); len(v) == 1 {
		return v[0]
	}
	return ""
}

type keyedStream struct {
	grpc.ServerStream
	ctx context.Context
}

func (k *keyedStream) Context() context.Context { return k.ctx }

// StreamInterceptor refuses streams without an active key.
func (s *Store) StreamInterceptor(ctx0 context.Context) grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		k := s.Lookup(RawFromMetadata(ss.Context()))
		if k == nil {
			return status.Error(codes.Unauthenticated, "unknown or disabled API key")
		}
		return handler(srv, &keyedStream{ServerStream: ss, ctx: context.WithValue(ss.Context(), keyCtx{}, k)})
	}
}

// UnaryInterceptor refuses unary calls without an active key.
func (s *Store) UnaryInterceptor() grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		k := s.Lookup(RawFromMetadata(ctx))
		if k == nil {
			return nil, status.Error(codes.Unauthenticated, "unknown or disabled API key")
		}
		return handler(context.WithValue(ctx, keyCtx{}, k), req)
	}
}
