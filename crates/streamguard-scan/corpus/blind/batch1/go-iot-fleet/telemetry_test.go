package main

import (
	"context"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"google.golang.org/grpc"

	fleetpb "github.com/fleetops/fleetd/proto"
)

type pingStream struct {
	grpc.ServerStream
	ctx   context.Context
	pings chan *fleetpb.Ping
	pongs []*fleetpb.Pong
}

func (p *pingStream) Context() context.Context { return p.ctx }
func (p *pingStream) Recv() (*fleetpb.Ping, error) {
	m, ok := <-p.pings
	if !ok {
		return nil, context.Canceled
	}
	return m, nil
}
func (p *pingStream) Send(m *fleetpb.Pong) error {
	p.pongs = append(p.pongs, m)
	return nil
}

func TestHeartbeatEndsOnExpiredToken(t *testing.T) {
	c := &deviceClaims{}
	c.Subject = "dev-1"
	c.ExpiresAt = jwt.NewNumericDate(time.Now().Add(-time.Second))
	ctx := context.WithValue(context.Background(), claimsKey{}, c)
	ps := &pingStream{ctx: ctx, pings: make(chan *fleetpb.Ping, 1)}
	ps.pings <- &fleetpb.Ping{Seq: 1}
	s := &fleetServer{revoked: &revocationSet{}}
	if err := s.Heartbeat(ps); err == nil {
		t.Fatal("expected token_expired")
	}
	if len(ps.pongs) != 0 {
		t.Fatalf("pong sent after expiry")
	}
}
