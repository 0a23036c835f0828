package rpc

import (
	"context"
	"encoding/json"
	"io"
	"testing"

	"github.com/agentops/mcpd/gen/mcpv1"
	"github.com/agentops/mcpd/internal/auth"
	"github.com/agentops/mcpd/internal/ratelimit"
	"github.com/agentops/mcpd/internal/tools"
	"google.golang.org/grpc"
)

type fakeExchange struct {
	grpc.ServerStream
	ctx  context.Context
	in   []*mcpv1.JsonRpcFrame
	sent []*mcpv1.JsonRpcFrame
}

func (f *fakeExchange) Context() context.Context { return f.ctx }
func (f *fakeExchange) Send(m *mcpv1.JsonRpcFrame) error {
	f.sent = append(f.sent, m)
	return nil
}
func (f *fakeExchange) Recv() (*mcpv1.JsonRpcFrame, error) {
	if len(f.in) == 0 {
		return nil, io.EOF
	}
	m := f.in[0]
	f.in = f.in[1:]
	return m, nil
}

func TestExchangeDeniesOutOfScopeTool(t *testing.T) {
	claims := &auth.Claims{Scope: "tools:basic"}
	call, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": map[string]any{"name": "fetch_url", "arguments": map[string]any{"url": "http://x"}}})
	f := &fakeExchange{ctx: auth.WithClaims(context.Background(), claims), in: []*mcpv1.JsonRpcFrame{{Json: call}}}
	j := &JSONRPC{Tools: tools.NewRegistry("http://wiki.invalid"), Limits: ratelimit.NewRegistry(600, 10)}
	if err := j.Exchange(f); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Error struct{ Message string } `json:"error"`
	}
	_ = json.Unmarshal(f.sent[0].GetJson(), &out)
	if out.Error.Message != "insufficient_scope" {
		t.Fatalf("got %q", out.Error.Message)
	}
}
