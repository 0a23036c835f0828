// Package guard binds every CraneOps stream to the operator's token: the
// stream context ends at the token's expiry, on a revocation pushed over NATS,
// or at the maximum stream lifetime; each received command is authorized.
package guard

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/nats-io/nats.go"
	"golang.org/x/time/rate"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"harbour.example/cranes/pb/cranepb"
)

type Operator struct {
	Sub    string   `json:"sub"`
	JTI    string   `json:"jti"`
	Cranes []string `json:"cranes"`
	Berths []string `json:"berths"`
	Scope  string   `json:"scope"`
	Exp    time.Time
}

func (o *Operator) HasCrane(id string) bool { return has(o.Cranes, id) }
func (o *Operator) HasBerth(id string) bool { return has(o.Berths, id) }
func (o *Operator) Can(scope string) bool   { return has(strings.Fields(o.Scope), scope) }

type opKey struct{}

func OperatorFrom(ctx context.Context) *Operator { o, _ := ctx.Value(opKey{}).(*Operator); return o }

var (
	errExpired  = status.Error(codes.Unauthenticated, "token_expired")
	errRevoked  = status.Error(codes.PermissionDenied, "token_revoked")
	errLifetime = status.Error(codes.Unavailable, "max_stream_lifetime")
)

type Guard struct {
	Verifier    *oidc.IDTokenVerifier
	MaxLifetime time.Duration
	PerMinute   int

	mu       sync.Mutex
	live     map[string][]context.CancelCauseFunc // by "jti:" and "sub:"
	limiters map[string]*rate.Limiter             // by subject
}

func (g *Guard) WatchRevocations(nc *nats.Conn) error {
	_, err := nc.Subscribe("iam.revoked", func(m *nats.Msg) {
		g.mu.Lock()
		cancels := g.live[string(m.Data)]
		g.mu.Unlock()
		for _, c := range cancels {
			c(errRevoked)
		}
	})
	return err
}

func (g *Guard) limiter(sub string) *rate.Limiter {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.limiters == nil {
		g.limiters = map[string]*rate.Limiter{}
	}
	l, ok := g.limiters[sub]
	if !ok {
		l = rate.NewLimiter(rate.Limit(float64(g.PerMinute)/60), g.PerMinute/4+1)
		g.limiters[sub] = l
	}
	return l
}

type guardedStream struct {
	grpc.ServerStream
	ctx context.Context
	op  *Operator
	lim *rate.Limiter
}

func (s *guardedStream) Context() context.Context { return s.ctx }

// RecvMsg authorizes every crane command before the handler sees it.
func (s *guardedStream) RecvMsg(m any) error {
	if err := context.Cause(s.ctx); err != nil {
		return err
	}
	if err := s.ServerStream.RecvMsg(m); err != nil {
		return err
	}
	if cmd, ok := m.(*cranepb.CraneCommand); ok {
		if !s.op.Can("crane:operate") || !s.op.HasCrane(cmd.CraneId) {
			return status.Errorf(codes.PermissionDenied, "crane %s not permitted", cmd.CraneId)
		}
		if !s.lim.Allow() {
			return status.Error(codes.ResourceExhausted, "rate_limit_exceeded")
		}
	}
	return nil
}

func (s *guardedStream) SendMsg(m any) error {
	if err := context.Cause(s.ctx); err != nil {
		return err
	}
	return s.ServerStream.SendMsg(m)
}

func (g *Guard) Stream(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	md, _ := metadata.FromIncomingContext(ss.Context())
	raw := strings.TrimPrefix(first(md.Get("authorization")), "Bearer ")
	tok, err := g.Verifier.Verify(ss.Context(), raw)
	if err != nil {
		return status.Error(codes.Unauthenticated, "invalid token")
	}
	op := &Operator{Exp: tok.Expiry}
	if err := tok.Claims(op); err != nil {
		return status.Error(codes.Unauthenticated, "bad claims")
	}

	ctx, cancel := context.WithCancelCause(ss.Context())
	defer cancel(nil)
	ctx, stopExp := context.WithDeadlineCause(ctx, op.Exp, errExpired)
	defer stopExp()
	ctx, stopLife := context.WithTimeoutCause(ctx, g.MaxLifetime, errLifetime)
	defer stopLife()

	g.register(op, cancel)
	defer g.unregister(op)

	err = handler(srv, &guardedStream{ServerStream: ss, ctx: context.WithValue(ctx, opKey{}, op), op: op, lim: g.limiter(op.Sub)})
	if cause := context.Cause(ctx); cause != nil && cause != context.Canceled {
		return cause
	}
	return err
}

func (g *Guard) register(op *Operator, c context.CancelCauseFunc) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.live == nil {
		g.live = map[string][]context.CancelCauseFunc{}
	}
	g.live["jti:"+op.JTI] = append(g.live["jti:"+op.JTI], c)
	g.live["sub:"+op.Sub] = append(g.live["sub:"+op.Sub], c)
}

func (g *Guard) unregister(op *Operator) {
	g.mu.Lock()
	defer g.mu.Unlock()
	delete(g.live, "jti:"+op.JTI)
	delete(g.live, "sub:"+op.Sub)
}

func first(v []string) string {
	if len(v) == 0 {
		return ""
	}
	return v[0]
}

func has(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
