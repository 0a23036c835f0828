package auth

import (
	"context"
	"crypto/rsa"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

type Operator struct {
	jwt.RegisteredClaims
	Role     string   `json:"role"`
	Corridor []string `json:"corridors"`
}

type ctxKey struct{}

func OperatorFrom(ctx context.Context) (*Operator, bool) {
	op, ok := ctx.Value(ctxKey{}).(*Operator)
	return op, ok
}

type wrappedStream struct {
	grpc.ServerStream
	ctx context.Context
}

func (w *wrappedStream) Context() context.Context { return w.ctx }

// StreamJWT verifies the operator's bearer token when a stream opens and puts the claims in the
// stream's context.
func StreamJWT(key *rsa.PublicKey, audience string) grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		md, _ := metadata.FromIncomingContext(ss.Context())
		raw := ""
		if v := md.Get("authorization"); len(v) > 0 {
			raw = strings.TrimPrefix(v[0], "Bearer ")
		}
		op := &Operator{}
		if _, err := jwt.ParseWithClaims(raw, op, func(*jwt.Token) (any, error) { return key, nil },
			jwt.WithValidMethods([]string{"RS256"}), jwt.WithAudience(audience), jwt.WithExpirationRequired(),
			jwt.WithLeeway(2*time.Second)); err != nil {
			return status.Error(codes.Unauthenticated, "invalid token")
		}
		return handler(srv, &wrappedStream{ServerStream: ss, ctx: context.WithValue(ss.Context(), ctxKey{}, op)})
	}
}

func (o *Operator) MaySee(corridor string) bool {
	for _, c := range o.Corridor {
		if c == corridor || c == "*" {
			return true
		}
	}
	return false
}
