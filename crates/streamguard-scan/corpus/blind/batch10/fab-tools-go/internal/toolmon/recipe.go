package toolmon

import (
	"context"
	"errors"
	"io"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	toolmonv1 "fab.example.com/toolmon/gen/fab/toolmon/v1"
)

func (s *Server) RecipeSession(stream grpc.BidiStreamingServer[toolmonv1.RecipeOp, toolmonv1.RecipeResult]) error {
	sess, err := s.Sessions.Open(stream.Context())
	if err != nil {
		return err
	}
	defer sess.Close()

	ops := make(chan *toolmonv1.RecipeOp)
	recvErr := make(chan error, 1)
	go func() {
		for {
			op, err := stream.Recv()
			if err != nil {
				recvErr <- err
				return
			}
			select {
			case ops <- op:
			case <-sess.Ctx.Done():
				return
			}
		}
	}()

	for {
		var op *toolmonv1.RecipeOp
		select {
		case <-sess.Ctx.Done():
			return sess.Err(sess.Ctx.Err())
		case err := <-recvErr:
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		case op = <-ops:
		}
		if !s.Limits.Allow(sess.Sub) {
			return status.Error(codes.ResourceExhausted, "rate_limit_exceeded")
		}
		res := &toolmonv1.RecipeResult{OpId: op.GetOpId()}
		switch {
		case !sess.MayUseTool(op.GetToolId()):
			res.Error = "PERMISSION_DENIED: not qualified on tool"
		case op.GetAction() == "APPROVE" && !sess.Roles["recipe-approver"]:
			res.Error = "PERMISSION_DENIED: approver role required"
		default:
			// A slow MES must not hold an engineer forever: 30 s at most, and never past the caller's deadline.
			ctx, cancel := context.WithTimeout(sess.Ctx, 30*time.Second)
			res.Body, res.Ok, res.Error = s.apply(ctx, sess.Sub, op)
			cancel()
		}
		if err := stream.Send(res); err != nil {
			return err
		}
	}
}

func (s *Server) apply(ctx context.Context, sub string, op *toolmonv1.RecipeOp) ([]byte, bool, string) {
	var err error
	var body []byte
	switch op.GetAction() {
	case "GET":
		body, err = s.MES.Recipe(ctx, op.GetToolId(), op.GetRecipe())
	case "EDIT":
		err = s.MES.EditRecipe(ctx, op.GetToolId(), op.GetRecipe(), op.GetBody())
	case "APPROVE":
		err = s.MES.Approve(ctx, op.GetToolId(), op.GetRecipe(), sub)
	default:
		return nil, false, "unknown action"
	}
	if err != nil {
		return nil, false, err.Error()
	}
	return body, true, ""
}
