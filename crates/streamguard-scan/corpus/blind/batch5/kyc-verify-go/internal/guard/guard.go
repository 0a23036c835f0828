// Package guard keeps every Verification stream tied to the caller's token for its whole life.
package guard

import (
	"context"
	"crypto/rsa"
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
	Role  string   `json:"role"`  // "customer" | "reviewer" | "supervisor"
	Cases []string `json:"cases"` // customers: their own case ids
	Queue string   `json:"queue"` // reviewers: the review queue they work
}

type claimsKey struct{}

func ClaimsFrom(ctx context.Context) *Claims { c, _ := ctx.Value(claimsKey{}).(*Claims); return c }

// Authorizer decides whether a decoded request message may be acted on.
type Authorizer func(ctx context.Context, c *Claims, msg any) error

type Guard struct {
	Key         *rsa.PublicKey
	MaxLifetime time.Duration
	Revocations *Revocations
	PerMessage  map[string]Authorizer // full method -> check for every received message
}

type guardedStream struct {
	grpc.ServerStream
	ctx    context.Context
	claims *Claims
	check  Authorizer
}

func (g *guardedStream) Context() context.Context { return g.ctx }

func (g *guardedStream) RecvMsg(m any) error {
	if err := context.Cause(g.ctx); err != nil {
		return err
	}
	if err := g.ServerStream.RecvMsg(m); err != nil {
		return err
	}
	if g.check != nil {
		return g.check(g.ctx, g.claims, m)
	}
	return nil
}

func (g *guardedStream) SendMsg(m any) error {
	if err := context.Cause(g.ctx); err != nil {
		return err
	}
	return g.ServerStream.SendMsg(m)
}

func (gd *Guard) Stream(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	md, _ := metadata.FromIncomingContext(ss.Context())
	auth := md.Get("authorization")
	if len(auth) == 0 || !strings.HasPrefix(auth[0], "Bearer ") {
		return status.Error(codes.Unauthenticated, "missing bearer token")
	}
	claims := &Claims{}
	if _, err := jwt.ParseWithClaims(strings.TrimPrefix(auth[0], "Bearer "), claims,
		func(*jwt.Token) (any, error) { return gd.Key, nil },
		jwt.WithValidMethods([]string{"RS256"}), jwt.WithExpirationRequired(), jwt.WithLeeway(time.Second)); err != nil {
		return status.Errorf(codes.Unauthenticated, "invalid token: %v", err)
	}
	if gd.Revocations.Revoked(claims.ID, claims.Subject) {
		return status.Error(codes.PermissionDenied, "token_revoked")
	}

	ctx, cancelExp := context.WithDeadlineCause(ss.Context(), claims.ExpiresAt.Time, status.Error(codes.Unauthenticated, "token_expired"))
	defer cancelExp()
	ctx, cancelLife := context.WithTimeoutCause(ctx, gd.MaxLifetime, status.Error(codes.DeadlineExceeded, "max_stream_lifetime"))
	defer cancelLife()
	ctx, cancelRev := context.WithCancelCause(ctx)
	defer cancelRev(nil)
	stop := gd.Revocations.OnRevoke(claims.ID, claims.Subject, func() {
		cancelRev(status.Error(codes.PermissionDenied, "token_revoked"))
	})
	defer stop()

	err := handler(srv, &guardedStream{ServerStream: ss, ctx: context.WithValue(ctx, claimsKey{}, claims), claims: claims, check: gd.PerMessage[info.FullMethod]})
	if cause := context.Cause(ctx); cause != nil && ss.Context().Err() == nil {
		return cause
	}
	return err
}

// Revocations is fed by the admin API of kycd (POST /revocations) and by the IdP webhook.
type Revocations struct {
	mu       sync.Mutex
	revoked  map[string]bool
	watchers map[string]map[int]func()
	next     int
}

func NewRevocations() *Revocations {
	return &Revocations{revoked: map[string]bool{}, watchers: map[string]map[int]func(){}}
}

func (r *Revocations) Revoked(jti, sub string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.revoked["jti:"+jti] || r.revoked["sub:"+sub]
}

func (r *Revocations) Revoke(key string) {
	r.mu.Lock()
	r.revoked[key] = true
	fns := r.watchers[key]
	delete(r.watchers, key)
	r.mu.Unlock()
	for _, fn := range fns {
		fn()
	}
}

func (r *Revocations) OnRevoke(jti, sub string, fn func()) (stop func()) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.next++
	id := r.next
	for _, k := range []string{"jti:" + jti, "sub:" + sub} {
		if r.watchers[k] == nil {
			r.watchers[k] = map[int]func(){}
		}
		r.watchers[k][id] = fn
	}
	return func() {
		r.mu.Lock()
		defer r.mu.Unlock()
		delete(r.watchers["jti:"+jti], id)
		delete(r.watchers["sub:"+sub], id)
	}
}
