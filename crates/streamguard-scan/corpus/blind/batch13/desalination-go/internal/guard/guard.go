// Package guard ends operator streams at token expiry, on a revocation
// pushed over NATS, and at a maximum lifetime, and authorizes console
// commands as they are received.
package guard

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/nats-io/nats.go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"example.org/desal/gen/desalpb"
)

var (
	errExpired  = status.Error(codes.Unauthenticated, "token_expired")
	errRevoked  = status.Error(codes.PermissionDenied, "token_revoked")
	errLifetime = status.Error(codes.Unavailable, "max_stream_lifetime")
)

type Operator struct {
	Subject string
	JTI     string
	Trains  map[string]bool
	Exp     time.Time
}

type ctxKey struct{}

func OperatorFrom(ctx context.Context) *Operator { op, _ := ctx.Value(ctxKey{}).(*Operator); return op }

type Guard struct {
	Verifier    *oidc.IDTokenVerifier
	MaxLifetime time.Duration

	mu    sync.Mutex
	watch map[string][]context.CancelCauseFunc
}

// Subscribe listens for revocations ("jti:<id>" or "sub:<id>").
func (g *Guard) Subscribe(nc *nats.Conn) error {
	_, err := nc.Subscribe("plant.auth.revoked", func(m *nats.Msg) {
		g.mu.Lock()
		for _, cancel := range g.watch[string(m.Data)] {
			cancel(errRevoked)
		}
		delete(g.watch, string(m.Data))
		g.mu.Unlock()
	})
	return err
}

func (g *Guard) register(keys []string, cancel context.CancelCauseFunc) func() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.watch == nil {
		g.watch = map[string][]context.CancelCauseFunc{}
	}
	for _, k := range keys {
		g.watch[k] = append(g.watch[k], cancel)
	}
	return func() {
		g.mu.Lock()
		defer g.mu.Unlock()
		for _, k := range keys {
			delete(g.watch, k) // a key is only watched by one stream at a time in practice
		}
	}
}

type guardedStream struct {
	grpc.ServerStream
	ctx context.Context
	op  *Operator
}

func (s *guardedStream) Context() context.Context { return s.ctx }

func (s *guardedStream) SendMsg(m any) error {
	if err := context.Cause(s.ctx); err != nil {
		return err
	}
	return s.ServerStream.SendMsg(m)
}

// RecvMsg authorizes the OPEN command of the dosing console: the operator
// must hold the train.
func (s *guardedStream) RecvMsg(m any) error {
	if err := context.Cause(s.ctx); err != nil {
		return err
	}
	if err := s.ServerStream.RecvMsg(m); err != nil {
		return err
	}
	if cmd, ok := m.(*desalpb.DosingCommand); ok && cmd.Kind == desalpb.DosingCommand_OPEN {
		if !s.op.Trains[cmd.TrainId] {
			return status.Error(codes.PermissionDenied, "train not assigned")
		}
	}
	return nil
}

func (g *Guard) Stream(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	md, _ := metadata.FromIncomingContext(ss.Context())
	raw := strings.TrimPrefix(first(md.Get("authorization")), "Bearer ")
	tok, err := g.Verifier.Verify(ss.Context(), raw)
	if err != nil {
		return status.Error(codes.Unauthenticated, err.Error())
	}
	var c struct {
		JTI    string   `json:"jti"`
		Trains []string `json:"trains"`
	}
	if err := tok.Claims(&c); err != nil {
		return status.Error(codes.Unauthenticated, "bad claims")
	}
	op := &Operator{Subject: tok.Subject, JTI: c.JTI, Trains: map[string]bool{}, Exp: tok.Expiry}
	for _, t := range c.Trains {
		op.Trains[t] = true
	}

	ctx, cancel := context.WithCancelCause(ss.Context())
	defer cancel(nil)
	ctx, cancelExp := context.WithDeadlineCause(ctx, tok.Expiry, errExpired)
	defer cancelExp()
	ctx, cancelLife := context.WithTimeoutCause(ctx, g.MaxLifetime, errLifetime)
	defer cancelLife()
	defer g.register([]string{"jti:" + c.JTI, "sub:" + tok.Subject}, cancel)()

	err = handler(srv, &guardedStream{ServerStream: ss, ctx: context.WithValue(ctx, ctxKey{}, op), op: op})
	if cause := context.Cause(ctx); cause != nil && !errors.Is(cause, context.Canceled) {
		return cause
	}
	return err
}

func first(v []string) string {
	if len(v) == 0 {
		return ""
	}
	return v[0]
}
