package server

import (
	"bytes"
	"context"
	"errors"
	"io"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/structpb"

	mcpv1 "github.com/acme/mcp-server/gen/mcp/v1"
	"github.com/acme/mcp-server/internal/auth"
)

func denied(id, msg string) *mcpv1.ToolCallEvent {
	return &mcpv1.ToolCallEvent{
		RequestId: id,
		Event: &mcpv1.ToolCallEvent_Error{Error: &mcpv1.ToolError{
			Code: int32(codes.PermissionDenied), Status: "PERMISSION_DENIED", Message: msg,
		}},
	}
}

func (s *Server) StreamToolCalls(stream mcpv1.McpStreaming_StreamToolCallsServer) error {
	ctx := stream.Context()
	claims := auth.ClaimsFrom(ctx)
	authorized := false

	for {
		call, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}

		if !authorized {
			need, known := toolScopes[call.GetName()]
			if !known || !claims.Has(need) {
				return stream.Send(denied(call.GetRequestId(), "insufficient_scope"))
			}
			authorized = true
		}

		res, err := s.exec.Call(ctx, call.GetName(), &mcpv1.CallToolRequest{Arguments: call.GetArguments()})
		if err != nil {
			st := status.Convert(err)
			if sendErr := stream.Send(&mcpv1.ToolCallEvent{
				RequestId: call.GetRequestId(),
				Event: &mcpv1.ToolCallEvent_Error{Error: &mcpv1.ToolError{
					Code: int32(st.Code()), Status: st.Code().String(), Message: st.Message(),
				}},
			}); sendErr != nil {
				return sendErr
			}
			continue
		}
		if err := stream.Send(&mcpv1.ToolCallEvent{
			RequestId: call.GetRequestId(),
			Event:     &mcpv1.ToolCallEvent_Result{Result: res},
		}); err != nil {
			return err
		}
	}
}

func (s *Server) CallToolWithProgress(req *mcpv1.CallToolRequest, stream mcpv1.McpStreaming_CallToolWithProgressServer) error {
	claims := auth.ClaimsFrom(stream.Context())
	if need, ok := toolScopes[req.GetName()]; !ok || !claims.Has(need) {
		return status.Error(codes.PermissionDenied, "insufficient_scope")
	}

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	progress, err := s.exec.RunWithProgress(ctx, req)
	if err != nil {
		return status.Errorf(codes.Unavailable, "executor: %v", err)
	}
	for {
		p, err := progress.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := stream.Send(&mcpv1.ToolCallEvent{Event: &mcpv1.ToolCallEvent_Progress{Progress: p}}); err != nil {
			return err
		}
	}
}

func (s *Server) UploadToolInput(stream mcpv1.McpStreaming_UploadToolInputServer) error {
	ctx := stream.Context()
	claims := auth.ClaimsFrom(ctx)
	var (
		name string
		buf  bytes.Buffer
	)
	for {
		chunk, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		if name == "" {
			name = chunk.GetName()
		}
		if buf.Len()+len(chunk.GetData()) > 16<<20 {
			return status.Error(codes.ResourceExhausted, "input too large")
		}
		buf.Write(chunk.GetData())
		if chunk.GetLast() {
			break
		}
	}
	if need, ok := toolScopes[name]; !ok || !claims.Has(need) {
		return status.Error(codes.PermissionDenied, "insufficient_scope")
	}
	args, _ := structpb.NewStruct(map[string]any{"input": buf.String()})
	res, err := s.exec.Call(ctx, name, &mcpv1.CallToolRequest{Arguments: args})
	if err != nil {
		return err
	}
	return stream.SendAndClose(res)
}

func (s *Server) WatchResource(req *mcpv1.WatchResourceRequest, stream mcpv1.McpStreaming_WatchResourceServer) error {
	ctx := stream.Context()
	interval := time.Duration(req.GetIntervalMs()) * time.Millisecond
	if interval < 250*time.Millisecond {
		interval = time.Second
	}
	ticker := time.NewTicker(interval)
	defer ticker.Stop()

	var seq uint64
	var last string
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-ticker.C:
			text, err := s.readResource(req.GetUri())
			if err != nil {
				return status.Error(codes.NotFound, "resource not found")
			}
			if text == last {
				continue
			}
			last = text
			seq++
			if err := stream.Send(&mcpv1.ResourceUpdate{
				Seq: seq, Uri: req.GetUri(), UnixMs: time.Now().UnixMilli(), Text: text,
			}); err != nil {
				return err
			}
		}
	}
}
