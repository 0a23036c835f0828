package server

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/structpb"

	"github.com/tessellate-ai/mcp-gateway/execpb"
	"github.com/tessellate-ai/mcp-gateway/mcppb"
)

const (
	revocationRecheck = 45 * time.Second
	toolCallCap       = 30 * time.Second
)

var toolScopes = map[string]string{
	"search":      "search:read",
	"fetch_url":   "net:fetch",
	"read_file":   "files:read",
	"write_file":  "files:write",
	"run_query":   "db:read",
}

type Deps struct {
	Exec        execpb.ExecutorClient
	Revocations *RevocationCache
	Limits      *IdentityLimiter
	ResourceDir string
}

type JSONRPC struct {
	mcppb.UnimplementedMcpJsonRpcServer
	*Deps
}

type rpcMsg struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
}

type toolCallParams struct {
	Name      string         `json:"name"`
	Arguments map[string]any `json:"arguments"`
}

func send(stream mcppb.McpJsonRpc_ExchangeServer, v any) error {
	b, _ := json.Marshal(v)
	return stream.Send(&mcppb.JsonRpcFrame{Json: b})
}

func rpcError(id json.RawMessage, code int, msg string) map[string]any {
	return map[string]any{"jsonrpc": "2.0", "id": id, "error": map[string]any{"code": code, "message": msg}}
}

func (s *JSONRPC) Exchange(stream mcppb.McpJsonRpc_ExchangeServer) error {
	claims := ClaimsFrom(stream.Context())
	scopes := claims.Scopes()
	ctx, cancel := context.WithCancelCause(stream.Context())
	defer cancel(nil)

	go func() {
		t := time.NewTicker(revocationRecheck)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if claims.ExpiresAt.Before(time.Now()) {
					cancel(status.Error(codes.Unauthenticated, "token_expired"))
					return
				}
				if s.Revocations.IsRevoked(claims.ID) {
					cancel(status.Error(codes.PermissionDenied, "token_revoked"))
					return
				}
			}
		}
	}()

	frames := make(chan *mcppb.JsonRpcFrame)
	go func() {
		defer close(frames)
		for {
			f, err := stream.Recv()
			if err != nil {
				if !errors.Is(err, io.EOF) {
					cancel(err)
				}
				return
			}
			select {
			case frames <- f:
			case <-ctx.Done():
				return
			}
		}
	}()

	for {
		var frame *mcppb.JsonRpcFrame
		select {
		case <-ctx.Done():
			return context.Cause(ctx)
		case f, ok := <-frames:
			if !ok {
				return nil
			}
			frame = f
		}

		var msg rpcMsg
		if err := json.Unmarshal(frame.GetJson(), &msg); err != nil {
			_ = send(stream, rpcError(nil, -32700, "parse error"))
			continue
		}
		if !s.Limits.Allow(claims.Subject) {
			return status.Error(codes.ResourceExhausted, "rate_limit_exceeded")
		}

		switch msg.Method {
		case "initialize":
			_ = send(stream, map[string]any{"jsonrpc": "2.0", "id": msg.ID, "result": map[string]any{"protocolVersion": "2025-06-18", "capabilities": map[string]any{"tools": map[string]any{}}}})
		case "tools/call":
			var p toolCallParams
			if err := json.Unmarshal(msg.Params, &p); err != nil {
				_ = send(stream, rpcError(msg.ID, -32602, "invalid params"))
				continue
			}
			need, known := toolScopes[p.Name]
			if !known || !scopes[need] {
				_ = send(stream, rpcError(msg.ID, -32003, "insufficient_scope"))
				continue
			}
			args, _ := structpb.NewStruct(p.Arguments)
			callCtx, callCancel := context.WithTimeout(ctx, toolCallCap)
			res, err := s.Exec.Invoke(callCtx, &execpb.InvokeRequest{Tool: p.Name, Arguments: args, Subject: claims.Subject})
			callCancel()
			if err != nil {
				slog.Warn("tool call failed", "tool", p.Name, "err", err)
				_ = send(stream, rpcError(msg.ID, -32000, status.Convert(err).Message()))
				continue
			}
			_ = send(stream, map[string]any{"jsonrpc": "2.0", "id": msg.ID, "result": res.GetResult().AsMap()})
		default:
			if len(msg.ID) > 0 {
				_ = send(stream, rpcError(msg.ID, -32601, "method not found"))
			}
		}
	}
}
