package server

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"github.com/tessellate-ai/mcp-gateway/execpb"
	"github.com/tessellate-ai/mcp-gateway/mcppb"
)

type Streaming struct {
	mcppb.UnimplementedMcpStreamingServer
	*Deps
}

func (s *Streaming) CallToolWithProgress(req *mcppb.CallToolRequest, stream mcppb.McpStreaming_CallToolWithProgressServer) error {
	claims := ClaimsFrom(stream.Context())
	need, known := toolScopes[req.GetName()]
	if !known || !claims.Scopes()[need] {
		return status.Error(codes.PermissionDenied, "insufficient_scope")
	}

	outCtx := metadata.AppendToOutgoingContext(context.Background(), "x-mcp-subject", claims.Subject)
	run, err := s.Exec.Run(outCtx, &execpb.RunRequest{Tool: req.GetName(), Arguments: req.GetArguments()})
	if err != nil {
		return status.Errorf(codes.Unavailable, "executor: %v", err)
	}
	for {
		ev, err := run.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		out := &mcppb.ToolCallEvent{}
		switch {
		case ev.GetProgress() != nil:
			out.Event = &mcppb.ToolCallEvent_Progress{Progress: &mcppb.Progress{Progress: ev.GetProgress().GetDone(), Total: ev.GetProgress().GetTotal()}}
		case ev.GetResult() != nil:
			out.Event = &mcppb.ToolCallEvent_Result{Result: ev.GetResult()}
		default:
			continue
		}
		if err := stream.Send(out); err != nil {
			return err
		}
	}
}

func (s *Streaming) WatchResource(req *mcppb.WatchResourceRequest, stream mcppb.McpStreaming_WatchResourceServer) error {
	claims := ClaimsFrom(stream.Context())
	if !claims.Scopes()["files:read"] {
		return status.Error(codes.PermissionDenied, "insufficient_scope")
	}
	prefix := "file://" + claims.Subject + "/"
	if !strings.HasPrefix(req.GetUri(), prefix) {
		return status.Error(codes.PermissionDenied, "resource_not_owned")
	}
	path := filepath.Join(s.ResourceDir, claims.Subject, filepath.Clean("/"+strings.TrimPrefix(req.GetUri(), prefix)))

	ctx, cancel := context.WithDeadline(stream.Context(), claims.ExpiresAt.Time)
	defer cancel()
	revoked := s.Revocations.Watch(claims.ID)

	interval := time.Duration(req.GetIntervalMs()) * time.Millisecond
	if interval < 250*time.Millisecond {
		interval = time.Second
	}
	t := time.NewTicker(interval)
	defer t.Stop()

	var seq uint64
	var lastMod time.Time
	for {
		select {
		case <-revoked:
			return status.Error(codes.PermissionDenied, "token_revoked")
		case <-ctx.Done():
			if errors.Is(ctx.Err(), context.DeadlineExceeded) && stream.Context().Err() == nil {
				return status.Error(codes.Unauthenticated, "token_expired")
			}
			return ctx.Err()
		case <-t.C:
			fi, err := os.Stat(path)
			if err != nil || !fi.ModTime().After(lastMod) {
				continue
			}
			lastMod = fi.ModTime()
			b, err := os.ReadFile(path)
			if err != nil {
				continue
			}
			seq++
			if err := stream.Send(&mcppb.ResourceUpdate{Seq: seq, Uri: req.GetUri(), UnixMs: time.Now().UnixMilli(), Text: string(b)}); err != nil {
				return err
			}
		}
	}
}
