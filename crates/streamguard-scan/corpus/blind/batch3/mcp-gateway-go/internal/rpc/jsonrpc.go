package rpc

import (
	"encoding/json"
	"errors"
	"io"

	"github.com/agentops/mcpd/gen/mcpv1"
	"github.com/agentops/mcpd/internal/auth"
	"github.com/agentops/mcpd/internal/ratelimit"
	"github.com/agentops/mcpd/internal/tools"
	"google.golang.org/grpc/peer"
)

type rpcMessage struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
}

type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
	Data    any    `json:"data,omitempty"`
}

type JSONRPC struct {
	mcpv1.UnimplementedMcpJsonRpcServer
	Tools  *tools.Registry
	Limits *ratelimit.Registry
}

func frame(id json.RawMessage, result any, rerr *rpcError) *mcpv1.JsonRpcFrame {
	out := map[string]any{"jsonrpc": "2.0", "id": id}
	if rerr != nil {
		out["error"] = rerr
	} else {
		out["result"] = result
	}
	b, _ := json.Marshal(out)
	return &mcpv1.JsonRpcFrame{Json: b}
}

func (j *JSONRPC) Exchange(stream mcpv1.McpJsonRpc_ExchangeServer) error {
	ctx := stream.Context()
	claims := auth.FromContext(ctx)
	addr := "unknown"
	if p, ok := peer.FromContext(ctx); ok {
		addr = p.Addr.String()
	}
	limiter := j.Limits.ForPeer(addr)

	for {
		in, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		var msg rpcMessage
		if err := json.Unmarshal(in.GetJson(), &msg); err != nil {
			if err := stream.Send(frame(nil, nil, &rpcError{Code: -32700, Message: "parse error"})); err != nil {
				return err
			}
			continue
		}
		if !limiter.Allow() {
			if err := stream.Send(frame(msg.ID, nil, &rpcError{Code: -32029, Message: "rate_limit_exceeded"})); err != nil {
				return err
			}
			continue
		}

		var out *mcpv1.JsonRpcFrame
		switch msg.Method {
		case "initialize":
			out = frame(msg.ID, map[string]any{"protocolVersion": "2025-06-18", "capabilities": map[string]any{"tools": map[string]any{}}}, nil)
		case "tools/list":
			var list []map[string]string
			for _, t := range j.Tools.List() {
				if claims.Has(t.Scope) {
					list = append(list, map[string]string{"name": t.Name, "description": t.Description})
				}
			}
			out = frame(msg.ID, map[string]any{"tools": list}, nil)
		case "tools/call":
			var p struct {
				Name      string         `json:"name"`
				Arguments map[string]any `json:"arguments"`
			}
			_ = json.Unmarshal(msg.Params, &p)
			t, err := j.Tools.Lookup(p.Name)
			switch {
			case err != nil:
				out = frame(msg.ID, nil, &rpcError{Code: -32601, Message: "unknown tool"})
			case !claims.Has(t.Scope):
				out = frame(msg.ID, nil, &rpcError{Code: -32003, Message: "insufficient_scope", Data: map[string]string{"status": "PERMISSION_DENIED"}})
			default:
				res, err := t.Run(ctx, p.Arguments, func(float64, float64, string) {})
				if err != nil {
					out = frame(msg.ID, nil, &rpcError{Code: -32000, Message: err.Error()})
				} else {
					out = frame(msg.ID, res, nil)
				}
			}
		default:
			if len(msg.ID) == 0 {
				continue
			}
			out = frame(msg.ID, nil, &rpcError{Code: -32601, Message: "method not found"})
		}
		if err := stream.Send(out); err != nil {
			return err
		}
	}
}
