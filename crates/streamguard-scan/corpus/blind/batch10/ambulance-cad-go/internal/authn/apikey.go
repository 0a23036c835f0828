package authn

import (
	"context"
	"crypto/subtle"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

type hospitalKey struct{}

func HospitalFrom(ctx context.Context) string {
	h, _ := ctx.Value(hospitalKey{}).(string)
	return h
}

// APIKeys authenticates emergency departments by a static key per hospital (x-api-key).
type APIKeys map[string]string // key -> hospital id

func (k APIKeys) lookup(ctx context.Context) (string, bool) {
	md, _ := metadata.FromIncomingContext(ctx)
	v := md.Get("x-api-key")
	if len(v) != 1 {
		return "", false
	}
	for key, hospital := range k {
		if subtle.ConstantTimeCompare([]byte(key), []byte(v[0])) == 1 {
			return hospital, true
		}
	}
	return "", false
}

func (k APIKeys) StreamInterceptor() grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		hospital, ok := k.lookup(ss.Context())
		if !ok {
			return status.Error(codes.Unauthenticated, "unknown api key")
		}
		return handler(srv, WithContext(ss, context.WithValue(ss.Context(), hospitalKey{}, hospital)))
	}
}
