package server

import (
	"context"
	"crypto/rsa"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

type Claims struct {
	jwt.RegisteredClaims
	Scope string `json:"scope"`
}

func (c *Claims) Scopes() map[string]bool {
	out := map[string]bool{}
	for _, s := range strings.Fields(c.Scope) {
		out[s] = true
	}
	return out
}

type claimsKey struct{}

func ClaimsFrom(ctx context.Context) *Claims {
	c, _ := ctx.Value(claimsKey{}).(*Claims)
	return c
}

type Authenticator struct {
	key *rsa.PublicKey
	aud string
}

func NewAuthenticator(key *rsa.PublicKey, aud string) *Authenticator {
	return &Authenticator{key: key, aud: aud}
}

func (a *Authenticator) parse(ctx context.Context) (*Claims, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	h := md.Get("authorization")
	if len(h) == 0 || !strings.HasPrefix(h[0], "Bearer ") {
		return nil, status.Error(codes.Unauthenticated, "missing bearer token")
	}
	c := &Claims{}
	_, err := jwt.ParseWithClaims(h[0][7:], c, func(*jwt.Token) (any, error) { return a.key, nil },
		jwt.WithValidMethods([]string{"RS256"}), jwt.WithAudience(a.aud), jwt.WithExpirationRequired())
	if err != nil {
		return nil, status.Error(codes.Unauthenticated, "invalid token")
	}
	return c, nil
}

type authedStream struct {
	grpc.ServerStream
	ctx context.Context
}

func (s authedStream) Context() context.Context { return s.ctx }

func (a *Authenticator) Stream(srv any, ss grpc.ServerStream, _ *grpc.StreamServerInfo, h grpc.StreamHandler) error {
	c, err := a.parse(ss.Context())
	if err != nil {
		return err
	}
	return h(srv, authedStream{ss, context.WithValue(ss.Context(), claimsKey{}, c)})
}

func (a *Authenticator) Unary(ctx context.Context, req any, _ *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
	c, err := a.parse(ctx)
	if err != nil {
		return nil, err
	}
	return h(context.WithValue(ctx, claimsKey{}, c), req)
}

// RevocationCache polls the identity provider's revocation list and lets streams wait on a jti.
type RevocationCache struct {
	url     string
	mu      sync.RWMutex
	revoked map[string]bool
	waiters map[string][]chan struct{}
}

func NewRevocationCache(url string) *RevocationCache {
	rc := &RevocationCache{url: url, revoked: map[string]bool{}, waiters: map[string][]chan struct{}{}}
	go rc.refreshLoop()
	return rc
}

func (rc *RevocationCache) IsRevoked(jti string) bool {
	rc.mu.RLock()
	defer rc.mu.RUnlock()
	return rc.revoked[jti]
}

// Watch returns a channel closed when jti is revoked.
func (rc *RevocationCache) Watch(jti string) <-chan struct{} {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	ch := make(chan struct{})
	if rc.revoked[jti] {
		close(ch)
		return ch
	}
	rc.waiters[jti] = append(rc.waiters[jti], ch)
	return ch
}

func (rc *RevocationCache) refreshLoop() {
	for {
		resp, err := http.Get(rc.url)
		if err == nil {
			var ids []string
			_ = json.NewDecoder(resp.Body).Decode(&ids)
			resp.Body.Close()
			rc.mu.Lock()
			for _, id := range ids {
				if !rc.revoked[id] {
					rc.revoked[id] = true
					for _, ch := range rc.waiters[id] {
						close(ch)
					}
					delete(rc.waiters, id)
				}
			}
			rc.mu.Unlock()
		}
		time.Sleep(2 * time.Second)
	}
}
