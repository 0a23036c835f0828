package auth

import (
	"context"
	"strings"

	"github.com/golang-jwt/jwt/v5"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

type Claims struct {
	Zones []string `json:"zones"`
	Scope string   `json:"scope"`
	jwt.RegisteredClaims
}

type ctxKey struct{}

func FromContext(ctx context.Context) *Claims { c, _ := ctx.Value(ctxKey{}).(*Claims); return c }

func (c *Claims) HasZone(z string) bool {
	for _, x := range c.Zones {
		if x == z {
			return true
		}
	}
	return false
}

type wrapped struct {
	grpc.ServerStream
	ctx context.Context
}

func (w *wrapped) Context() context.Context { return w.ctx }

// StreamInterceptor verifies the bearer JWT when the stream opens.
func StreamInterceptor(key []byte) grpc.StreamServerInterceptor {
	parser := jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}), jwt.WithAudience("snowmaking"),
		jwt.WithExpirationRequired(), jwt.WithLeeway(1e9))
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		md, _ := metadata.FromIncomingContext(ss.Context())
		vals := md.Get("authorization")
		if len(vals) == 0 || !strings.HasPrefix(vals[0], "Bearer ") {
			return status.Error(codes.Unauthenticated, "missing bearer token")
		}
		claims := &Claims{}
		if _, err := parser.ParseWithClaims(strings.TrimPrefix(vals[0], "Bearer "), claims,
			func(*jwt.Token) (any, error) { return key, nil }); err != nil {
			return status.Error(codes.Unauthenticated, "invalid token")
		}
		return handler(srv, &wrapped{ServerStream: ss, ctx: context.WithValue(ss.Context(), ctxKey{}, claims)})
	}
}
