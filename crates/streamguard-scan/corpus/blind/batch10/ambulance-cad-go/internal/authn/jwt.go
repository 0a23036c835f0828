package authn

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
	jwt.RegisteredClaims
	Role  string   `json:"role"`  // crew, dispatcher
	Unit  string   `json:"unit"`  // crew tokens: the ambulance the crew is signed on to
	Zones []string `json:"zones"` // dispatcher tokens
}

type ctxKey struct{}

func FromContext(ctx context.Context) *Claims {
	c, _ := ctx.Value(ctxKey{}).(*Claims)
	return c
}

type JWT struct {
	Secret   []byte
	Issuer   string
	Audience string
}

func (j *JWT) Parse(ctx context.Context) (*Claims, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	h := md.Get("authorization")
	if len(h) != 1 || !strings.HasPrefix(h[0], "Bearer ") {
		return nil, status.Error(codes.Unauthenticated, "missing bearer token")
	}
	c := &Claims{}
	if _, err := jwt.ParseWithClaims(strings.TrimPrefix(h[0], "Bearer "), c,
		func(*jwt.Token) (any, error) { return j.Secret, nil },
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithIssuer(j.Issuer), jwt.WithAudience(j.Audience),
		jwt.WithExpirationRequired(), jwt.WithLeeway(0)); err != nil {
		return nil, status.Errorf(codes.Unauthenticated, "invalid token: %v", err)
	}
	return c, nil
}

type ctxStream struct {
	grpc.ServerStream
	ctx context.Context
}

func (s *ctxStream) Context() context.Context { return s.ctx }

func WithContext(ss grpc.ServerStream, ctx context.Context) grpc.ServerStream {
	return &ctxStream{ServerStream: ss, ctx: ctx}
}

func (j *JWT) StreamInterceptor() grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		c, err := j.Parse(ss.Context())
		if err != nil {
			return err
		}
		return handler(srv, WithContext(ss, context.WithValue(ss.Context(), ctxKey{}, c)))
	}
}

func (j *JWT) UnaryInterceptor() grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		c, err := j.Parse(ctx)
		if err != nil {
			return nil, err
		}
		return handler(context.WithValue(ctx, ctxKey{}, c), req)
	}
}
