package auth

import (
	"context"
	"strings"

	"github.com/lestrrat-go/jwx/v2/jwk"
	"github.com/lestrrat-go/jwx/v2/jwt"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

type deviceKey struct{}

type Device struct {
	ID     string
	Site   string
	Groups []string
}

func DeviceFrom(ctx context.Context) Device {
	d, _ := ctx.Value(deviceKey{}).(Device)
	return d
}

type DeviceVerifier struct {
	cache *jwk.Cache
	url   string
}

func NewDeviceVerifier(ctx context.Context, url string) (*DeviceVerifier, error) {
	c := jwk.NewCache(ctx)
	if err := c.Register(url); err != nil {
		return nil, err
	}
	if _, err := c.Refresh(ctx, url); err != nil {
		return nil, err
	}
	return &DeviceVerifier{cache: c, url: url}, nil
}

func (v *DeviceVerifier) verify(ctx context.Context) (Device, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	h := md.Get("authorization")
	if len(h) == 0 {
		return Device{}, status.Error(codes.Unauthenticated, "missing token")
	}
	set, err := v.cache.Get(ctx, v.url)
	if err != nil {
		return Device{}, status.Error(codes.Unavailable, "key set unavailable")
	}
	tok, err := jwt.Parse([]byte(strings.TrimPrefix(h[0], "Bearer ")), jwt.WithKeySet(set), jwt.WithValidate(true), jwt.WithAudience("edge-ingest"))
	if err != nil {
		return Device{}, status.Error(codes.Unauthenticated, "invalid token")
	}
	site, _ := tok.Get("site")
	groups, _ := tok.Get("groups")
	d := Device{ID: tok.Subject()}
	if s, ok := site.(string); ok {
		d.Site = s
	}
	if gs, ok := groups.([]any); ok {
		for _, g := range gs {
			if s, ok := g.(string); ok {
				d.Groups = append(d.Groups, s)
			}
		}
	}
	return d, nil
}

type serverStream struct {
	grpc.ServerStream
	ctx context.Context
}

func (s *serverStream) Context() context.Context { return s.ctx }

func (v *DeviceVerifier) StreamInterceptor() grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		d, err := v.verify(ss.Context())
		if err != nil {
			return err
		}
		return handler(srv, &serverStream{ServerStream: ss, ctx: context.WithValue(ss.Context(), deviceKey{}, d)})
	}
}
