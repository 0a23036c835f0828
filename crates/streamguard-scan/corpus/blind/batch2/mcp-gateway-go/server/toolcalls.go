package server

import (
	"errors"
	"io"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/tessellate-ai/mcp-gateway/execpb"
	"github.com/tessellate-ai/mcp-gateway/mcppb"
)

func toolError(requestID string, st *status.Status) *mcppb.ToolCallEvent {
	return &mcppb.ToolCallEvent{
		RequestId: requestID,
		Event: &mcppb.ToolCallEvent_Error{Error: &mcppb.ToolError{
			Code:    int32(st.Code()),
			Status:  st.Code().String(),
			Message: st.Message(),
		}},
	}
}

// StreamToolCalls is used by agents that batch many calls of the same tool over one stream.
func (s *Streaming) StreamToolCalls(stream mcppb.McpStreaming_StreamToolCallsServer) error {
	ctx := stream.Context()
	claims := ClaimsFrom(ctx)
	scopes := claims.Scopes()
	granted := false

	for {
		call, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if !s.Limits.Allow(claims.Subject) {
			return status.Error(codes.ResourceExhausted, "rate_limit_exceeded")
		}

		if !granted {
			need, known := toolScopes[call.GetName()]
			if !known || !scopes[need] {
				if err := stream.Send(toolError(call.GetRequestId(), status.New(codes.PermissionDenied, "insufficient_scope"))); err != nil {
					return err
				}
				continue
			}
			granted = true
		}

		res, err := s.Exec.Invoke(ctx, &execpb.InvokeRequest{
			Tool:        call.GetName(),
			Arguments:   call.GetArguments(),
			Subject:     claims.Subject,
			ResourceUri: call.GetResourceUri(),
		})
		if err != nil {
			if err := stream.Send(toolError(call.GetRequestId(), status.Convert(err))); err != nil {
				return err
			}
			continue
		}
		if err := stream.Send(&mcppb.ToolCallEvent{
			RequestId: call.GetRequestId(),
			Event:     &mcppb.ToolCallEvent_Result{Result: res.GetResponse()},
		}); err != nil {
			return err
		}
	}
}
