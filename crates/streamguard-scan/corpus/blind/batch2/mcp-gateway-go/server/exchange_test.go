package server

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"

	"github.com/tessellate-ai/mcp-gateway/execpb"
	"github.com/tessellate-ai/mcp-gateway/mcppb"
)

type fakeExchange struct {
	grpc.ServerStream
	ctx  context.Context
	in   []*mcppb.JsonRpcFrame
	out  []*mcppb.JsonRpcFrame
}

func (f *fakeExchange) Context() context.Context { return f.ctx }
func (f *fakeExchange) Send(m *mcppb.JsonRpcFrame) error {
	f.out = append(f.out, m)
	return nil
}
func (f *fakeExchange) Recv() (*mcppb.JsonRpcFrame, error) {
	if len(f.in) == 0 {
		<-f.ctx.Done()
		return nil, f.ctx.Err()
	}
	m := f.in[0]
	f.in = f.in[1:]
	return m, nil
}
func (f *fakeExchange) SetHeader(metadata.MD) error  { return nil }
func (f *fakeExchange) SendHeader(metadata.MD) error { return nil }
func (f *fakeExchange) SetTrailer(metadata.MD)       {}

type nopExec struct{ execpb.ExecutorClient }

func TestExchangeRejectsToolWithoutScope(t *testing.T) {
	claims := &Claims{RegisteredClaims: jwt.RegisteredClaims{Subject: "alice", ID: "j1", ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Minute))}, Scope: "search:read"}
	ctx, cancel := context.WithTimeout(context.WithValue(context.Background(), claimsKey{}, claims), 200*time.Millisecond)
	defer cancel()
	call, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": map[string]any{"name": "write_file"}})
	fs := &fakeExchange{ctx: ctx, in: []*mcppb.JsonRpcFrame{{Json: call}}}
	srv := &JSONRPC{Deps: &Deps{Exec: nopExec{}, Revocations: &RevocationCache{revoked: map[string]bool{}, waiters: map[string][]chan struct{}{}}, Limits: NewIdentityLimiter(100, 100)}}
	_ = srv.Exchange(fs)
	if len(fs.out) != 1 {
		t.Fatalf("got %d frames", len(fs.out))
	}
	var resp map[string]any
	_ = json.Unmarshal(fs.out[0].GetJson(), &resp)
	if resp["error"].(map[string]any)["message"] != "insufficient_scope" {
		t.Fatalf("unexpected %v", resp)
	}
}
