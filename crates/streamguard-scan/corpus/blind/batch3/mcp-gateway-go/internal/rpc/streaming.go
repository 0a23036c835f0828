package rpc

import (
	"context"
	"errors"
	"io"
	"sync"
	"time"

	"github.com/agentops/mcpd/gen/mcpv1"
	"github.com/agentops/mcpd/internal/auth"
	"github.com/agentops/mcpd/internal/revocation"
	"github.com/agentops/mcpd/internal/tools"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

const (
	defaultWatchInterval = 2 * time.Second
	revocationRecheck    = 45 * time.Second
	toolCallTimeout      = 30 * time.Second
)

type Streaming struct {
	mcpv1.UnimplementedMcpStreamingServer
	Tools   *tools.Registry
	Revoked *revocation.List
}

func errorEvent(id string, code codes.Code, msg string) *mcpv1.ToolCallEvent {
	return &mcpv1.ToolCallEvent{RequestId: id, Event: &mcpv1.ToolCallEvent_Error{Error: &mcpv1.ToolError{Code: int32(code), Status: code.String(), Message: msg}}}
}

func (s *Streaming) CallToolWithProgress(req *mcpv1.CallToolRequest, stream mcpv1.McpStreaming_CallToolWithProgressServer) error {
	t, err := s.Tools.Lookup(req.GetName())
	if err != nil {
		return status.Error(codes.NotFound, err.Error())
	}
	if !auth.FromContext(stream.Context()).Has(t.Scope) {
		return status.Error(codes.PermissionDenied, "insufficient_scope")
	}
	ctx, cancel := context.WithTimeout(stream.Context(), toolCallTimeout)
	defer cancel()
	res, err := t.Run(ctx, req.GetArguments().AsMap(), func(done, total float64, msg string) {
		_ = stream.Send(&mcpv1.ToolCallEvent{RequestId: req.GetName(), Event: &mcpv1.ToolCallEvent_Progress{Progress: &mcpv1.Progress{Progress: done, Total: total, Message: msg}}})
	})
	if err != nil {
		return status.Error(codes.Unavailable, err.Error())
	}
	return stream.Send(&mcpv1.ToolCallEvent{RequestId: req.GetName(), Event: &mcpv1.ToolCallEvent_Result{Result: res}})
}

func (s *Streaming) StreamToolCalls(stream mcpv1.McpStreaming_StreamToolCallsServer) error {
	ctx := stream.Context()
	claims := auth.FromContext(ctx)
	authorized := false

	var sendMu sync.Mutex
	send := func(ev *mcpv1.ToolCallEvent) error {
		sendMu.Lock()
		defer sendMu.Unlock()
		return stream.Send(ev)
	}

	var wg sync.WaitGroup
	defer wg.Wait()
	for {
		call, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		t, err := s.Tools.Lookup(call.GetName())
		if err != nil {
			if err := send(errorEvent(call.GetRequestId(), codes.NotFound, "unknown tool")); err != nil {
				return err
			}
			continue
		}
		if !authorized {
			if !claims.Has(t.Scope) {
				return status.Error(codes.PermissionDenied, "insufficient_scope")
			}
			authorized = true
		}
		wg.Add(1)
		go func(c *mcpv1.ToolCall, t tools.Tool) {
			defer wg.Done()
			res, err := t.Run(ctx, c.GetArguments().AsMap(), func(float64, float64, string) {})
			if err != nil {
				_ = send(errorEvent(c.GetRequestId(), codes.Unavailable, err.Error()))
				return
			}
			_ = send(&mcpv1.ToolCallEvent{RequestId: c.GetRequestId(), Event: &mcpv1.ToolCallEvent_Result{Result: res}})
		}(call, t)
	}
}

func (s *Streaming) UploadToolInput(stream mcpv1.McpStreaming_UploadToolInputServer) error {
	return status.Error(codes.Unimplemented, "UploadToolInput is not supported")
}

func (s *Streaming) WatchResource(req *mcpv1.WatchResourceRequest, stream mcpv1.McpStreaming_WatchResourceServer) error {
	ctx := stream.Context()
	claims := auth.FromContext(ctx)
	if !claims.Has("wiki:read") {
		return status.Error(codes.PermissionDenied, "insufficient_scope")
	}
	interval := time.Duration(req.GetIntervalMs()) * time.Millisecond
	if interval < 500*time.Millisecond {
		interval = defaultWatchInterval
	}
	poll := time.NewTicker(interval)
	defer poll.Stop()
	recheck := time.NewTicker(revocationRecheck)
	defer recheck.Stop()

	var seq uint64
	var last string
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-recheck.C:
			if s.Revoked.Has(claims.ID) {
				return status.Error(codes.PermissionDenied, "token_revoked")
			}
		case <-poll.C:
			body, err := s.Tools.ReadResource(ctx, req.GetUri())
			if err != nil {
				return status.Error(codes.Unavailable, err.Error())
			}
			if body == last {
				continue
			}
			last = body
			seq++
			if err := stream.Send(&mcpv1.ResourceUpdate{Seq: seq, Uri: req.GetUri(), UnixMs: time.Now().UnixMilli(), Text: body}); err != nil {
				return err
			}
		}
	}
}
