package server

import (
	"context"
	"io"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"

	mcpv1 "github.com/acme/mcp-server/gen/mcp/v1"
	"github.com/acme/mcp-server/internal/auth"
)

type fakeBidi struct {
	grpc.ServerStream
	ctx  context.Context
	in   []*mcpv1.ToolCall
	sent []*mcpv1.ToolCallEvent
}

func (f *fakeBidi) Context() context.Context    { return f.ctx }
func (f *fakeBidi) SetHeader(metadata.MD) error { return nil }
func (f *fakeBidi) Send(e *mcpv1.ToolCallEvent) error {
	f.sent = append(f.sent, e)
	return nil
}
func (f *fakeBidi) Recv() (*mcpv1.ToolCall, error) {
	if len(f.in) == 0 {
		return nil, io.EOF
	}
	c := f.in[0]
	f.in = f.in[1:]
	return c, nil
}

func TestStreamToolCallsRejectsFirstForbiddenTool(t *testing.T) {
	claims := &auth.Claims{Scope: "tools:basic"}
	claims.ExpiresAt = jwt.NewNumericDate(time.Now().Add(time.Minute))
	f := &fakeBidi{
		ctx: auth.WithClaims(context.Background(), claims),
		in:  []*mcpv1.ToolCall{{RequestId: "1", Name: "delete_repo"}},
	}
	s := New(nil, t.TempDir())
	if err := s.StreamToolCalls(f); err != nil {
		t.Fatal(err)
	}
	if got := f.sent[0].GetError().GetStatus(); got != "PERMISSION_DENIED" {
		t.Fatalf("status = %q", got)
	}
}

func TestWatchResourceStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	s := New(nil, t.TempDir())
	err := s.WatchResource(&mcpv1.WatchResourceRequest{Uri: "res://x"}, &fakeWatch{ctx: ctx})
	if err == nil {
		t.Fatal("expected context error")
	}
}

type fakeWatch struct {
	grpc.ServerStream
	ctx context.Context
}

func (f *fakeWatch) Context() context.Context         { return f.ctx }
func (f *fakeWatch) Send(*mcpv1.ResourceUpdate) error { return nil }
