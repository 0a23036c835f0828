package guard

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/go-redis/redis_rate/v10"
	"github.com/nats-io/nats.go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

var (
	errExpired  = status.Error(codes.Unauthenticated, "token_expired")
	errRevoked  = status.Error(codes.PermissionDenied, "token_revoked")
	errLifetime = status.Error(codes.Unavailable, "max_stream_lifetime")
)

type Principal struct {
	Sub, JTI string
	Sections []string
	Scopes   []string
}

func (p *Principal) May(scope, section string) bool {
	okScope := false
	for _, s := range p.Scopes {
		okScope = okScope || s == scope
	}
	for _, s := range p.Sections {
		if s == section {
			return okScope
		}
	}
	return false
}

type Authorizer func(p *Principal, msg any) error

type Guard struct {
	Verifier    *oidc.IDTokenVerifier
	Limiter     *redis_rate.Limiter
	MaxLifetime time.Duration
	Authorizers map[string]Authorizer

	mu      sync.Mutex
	cancels map[string][]context.CancelCauseFunc
}

// Subscribe cancels every live stream of a revoked jti or sub as soon as NATS pushes it.
func (g *Guard) Subscribe(nc *nats.Conn) error {
	_, err := nc.Subscribe("tram.revocations", func(m *nats.Msg) {
		g.mu.Lock()
		defer g.mu.Unlock()
		for _, c := range g.cancels[string(m.Data)] {
			c(errRevoked)
		}
	})
	return err
}

type principalKey struct{}

func PrincipalFrom(ctx context.Context) *Principal { p, _ := ctx.Value(principalKey{}).(*Principal); return p }

type guardedStream struct {
	grpc.ServerStream
	ctx    context.Context
	g      *Guard
	p      *Principal
	method string
}

func (s *guardedStream) Context() context.Context { return s.ctx }

func (s *guardedStream) RecvMsg(m any) error {
	if err := s.ctx.Err(); err != nil {
		return context.Cause(s.ctx)
	}
	if err := s.ServerStream.RecvMsg(m); err != nil {
		return err
	}
	res, err := s.g.Limiter.Allow(s.ctx, "tram:"+s.p.Sub, redis_rate.PerMinute(60))
	if err != nil || res.Allowed == 0 {
		return status.Error(codes.ResourceExhausted, "rate_limit_exceeded")
	}
	if a, ok := s.g.Authorizers[s.method]; ok {
		return a(s.p, m)
	}
	return nil
}

func (s *guardedStream) SendMsg(m any) error {
	if s.ctx.Err() != nil {
		return context.Cause(s.ctx)
	}
	return s.ServerStream.SendMsg(m)
}

func (g *Guard) Stream() grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, h grpc.StreamHandler) error {
		md, _ := metadata.FromIncomingContext(ss.Context())
		raw := strings.TrimPrefix(strings.Join(md.Get("authorization"), ""), "Bearer ")
		tok, err := g.Verifier.Verify(ss.Context(), raw)
		if err != nil {
			return status.Error(codes.Unauthenticated, "invalid_token")
		}
		var cl struct {
			JTI      string   `json:"jti"`
			Sections []string `json:"sections"`
			Scope    string   `json:"scope"`
		}
		if err := tok.Claims(&cl); err != nil {
			return status.Error(codes.Unauthenticated, "invalid_token")
		}
		p := &Principal{Sub: tok.Subject, JTI: cl.JTI, Sections: cl.Sections, Scopes: strings.Fields(cl.Scope)}

		ctx, cancelExp := context.WithDeadlineCause(ss.Context(), tok.Expiry, errExpired)
		defer cancelExp()
		ctx, cancelLife := context.WithTimeoutCause(ctx, g.MaxLifetime, errLifetime)
		defer cancelLife()
		ctx, revoke := context.WithCancelCause(ctx)
		defer revoke(nil)
		g.track(p, revoke)
		defer g.untrack(p)

		err = h(srv, &guardedStream{ServerStream: ss, ctx: context.WithValue(ctx, principalKey{}, p), g: g, p: p, method: info.FullMethod})
		if cause := context.Cause(ctx); cause != nil && !errors.Is(cause, context.Canceled) {
			return cause
		}
		return err
	}
}

func (g *Guard) track(p *Principal, c context.CancelCauseFunc) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.cancels == nil {
		g.cancels = map[string][]context.CancelCauseFunc{}
	}
	g.cancels["jti:"+p.JTI] = append(g.cancels["jti:"+p.JTI], c)
	g.cancels["sub:"+p.Sub] = append(g.cancels["sub:"+p.Sub], c)
}

func (g *Guard) untrack(p *Principal) {
	g.mu.Lock()
	defer g.mu.Unlock()
	delete(g.cancels, "jti:"+p.JTI) // simplified: one stream per token on the depot tablets
}

func Denied(section string) error {
	return status.Errorf(codes.PermissionDenied, "insufficient_scope: %s", section)
}
