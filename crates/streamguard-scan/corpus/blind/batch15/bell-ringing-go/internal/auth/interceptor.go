package auth

import (
	"context"
	"crypto/ed25519"
	"log/slog"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

type Verifier struct {
	Key      ed25519.PublicKey
	Issuer   string
	Audience string
}

func (v *Verifier) Parse(raw string) (*RingerClaims, error) {
	claims := &RingerClaims{}
	_, err := jwt.ParseWithClaims(raw, claims, func(*jwt.Token) (any, error) { return v.Key, nil },
		jwt.WithValidMethods([]string{"EdDSA"}),
		jwt.WithIssuer(v.Issuer),
		jwt.WithAudience(v.Audience),
		jwt.WithExpirationRequired(),
		jwt.WithLeeway(time.Second),
	)
	if err != nil {
		return nil, err
	}
	return claims, nil
}

type claimsStream struct {
	grpc.ServerStream
	ctx context.Context
}

func (s *claimsStream) Context() context.Context { return s.ctx }

// StreamInterceptor authenticates every stream when it opens.
func (v *Verifier) StreamInterceptor(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	md, _ := metadata.FromIncomingContext(ss.Context())
	vals := md.Get("authorization")
	if len(vals) == 0 || !strings.HasPrefix(vals[0], "Bearer ") {
		return status.Error(codes.Unauthenticated, "missing bearer token")
	}
	claims, err := v.Parse(strings.TrimPrefix(vals[0], "Bearer "))
	if err != nil {
		return status.Errorf(codes.Unauthenticated, "invalid token: %v", err)
	}
	return handler(srv, &claimsStream{ServerStream: ss, ctx: WithClaims(ss.Context(), claims)})
}

// LoggingInterceptor logs stream start and end.
func LoggingInterceptor(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	start := time.Now()
	err := handler(srv, ss)
	slog.Info("stream done", "method", info.FullMethod, "took", time.Since(start), "code", status.Code(err))
	return err
}
