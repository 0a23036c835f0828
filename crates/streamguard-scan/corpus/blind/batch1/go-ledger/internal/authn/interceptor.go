package authn

import (
	"context"
	"strings"
	"time"

	"github.com/MicahParks/keyfunc/v3"
	"github.com/golang-jwt/jwt/v5"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// How often live streams have their token re-validated.
const recheckEvery = time.Minute

type Claims struct {
	jwt.RegisteredClaims
	Accounts []string `json:"accounts"`
	Roles    []string `json:"roles"`
}

func (c *Claims) CanRead(account string) bool  { return c.has(account, "ledger:read") }
func (c *Claims) CanWrite(account string) bool { return c.has(account, "ledger:write") }

func (c *Claims) has(account, role string) bool {
	okAcct := false
	for _, a := range c.Accounts {
		if a == account || a == "*" {
			okAcct = true
			break
		}
	}
	if !okAcct {
		return false
	}
	for _, r := range c.Roles {
		if r == role {
			return true
		}
	}
	return false
}

type RevocationChecker interface {
	IsRevoked(ctx context.Context, jti string) (bool, error)
}

type ctxKey struct{}

func FromContext(ctx context.Context) *Claims {
	c, _ := ctx.Value(ctxKey{}).(*Claims)
	return c
}

type wrapped struct {
	grpc.ServerStream
	ctx context.Context
}

func (w *wrapped) Context() context.Context { return w.ctx }

func parse(ctx context.Context, kf keyfunc.Keyfunc) (*Claims, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	v := md.Get("authorization")
	if len(v) == 0 {
		return nil, status.Error(codes.Unauthenticated, "missing token")
	}
	c := &Claims{}
	_, err := jwt.ParseWithClaims(strings.TrimPrefix(v[0], "Bearer "), c, kf.Keyfunc,
		jwt.WithAudience("ledger"), jwt.WithExpirationRequired())
	if err != nil {
		return nil, status.Error(codes.Unauthenticated, "invalid token")
	}
	return c, nil
}

// Stream authenticates a stream at open and re-validates the token periodically
// for as long as it stays open.
func Stream(kf keyfunc.Keyfunc, revs RevocationChecker) grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		claims, err := parse(ss.Context(), kf)
		if err != nil {
			return err
		}
		ctx, cancel := context.WithCancel(context.WithValue(ss.Context(), ctxKey{}, claims))
		defer cancel()

		go func() {
			t := time.NewTicker(recheckEvery)
			defer t.Stop()
			for {
				select {
				case <-ctx.Done():
					return
				case now := <-t.C:
					if claims.ExpiresAt != nil && now.After(claims.ExpiresAt.Time) {
						cancel()
						return
					}
					if revoked, err := revs.IsRevoked(ctx, claims.ID); err == nil && revoked {
						cancel()
						return
					}
				}
			}
		}()

		return handler(srv, &wrapped{ServerStream: ss, ctx: ctx})
	}
}
