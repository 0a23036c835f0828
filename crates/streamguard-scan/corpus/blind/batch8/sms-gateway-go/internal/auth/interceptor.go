package auth

import (
	"context"
	"strings"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

type tenantKey struct{}

func TenantFrom(ctx context.Context) Tenant {
	t, _ := ctx.Value(tenantKey{}).(Tenant)
	return t
}

func apiKey(ctx context.Context) string {
	md, _ := metadata.FromIncomingContext(ctx)
	for _, v := range md.Get("authorization") {
		if strings.HasPrefix(v, "ApiKey ") {
			return strings.TrimPrefix(v, "ApiKey ")
		}
	}
	if v := md.Get("x-api-key"); len(v) > 0 {
		return v[0]
	}
	return ""
}

func (s *KeyStore) UnaryInterceptor() grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, _ *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
		t, ok := s.Lookup(ctx, apiKey(ctx))
		if !ok {
			return nil, status.Error(codes.Unauthenticated, "unknown or disabled API key")
		}
		return h(context.WithValue(ctx, tenantKey{}, t), req)
	}
}

// keyedStream re-checks the key against the invalidation cache each time a
// message is received, so a submit stream stops accepting messages as soon
// as its key is revoked.
type keyedStream struct {
	grpc.ServerStream
	ctx   context.Context
	key   string
	store *KeyStore
}

func (k *keyedStream) Context() context.Context { return k.ctx }

func (k *keyedStream) RecvMsg(m any) error {
	if err := k.ServerStream.RecvMsg(m); err != nil {
		return err
	}
	if !k.store.Active(k.key) {
		return status.Error(codes.Unauthenticated, "api key revoked")
	}
	return nil
}

func (s *KeyStore) StreamInterceptor() grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, _ *grpc.StreamServerInfo, h grpc.StreamHandler) error {
		key := apiKey(ss.Context())
		t, ok := s.Lookup(ss.Context(), key)
		if !ok {
			return status.Error(codes.Unauthenticated, "unknown or disabled API key")
		}
		return h(srv, &keyedStream{ServerStream: ss, ctx: context.WithValue(ss.Context(), tenantKey{}, t), key: key, store: s})
	}
}
