package server

import (
	"context"
	"slices"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/forgeci/controller/gen/runnerpb"
	"github.com/forgeci/controller/internal/authn"
)

func (c *Controller) GetJob(ctx context.Context, req *runnerpb.GetJobRequest) (*runnerpb.Job, error) {
	p := authn.PrincipalFrom(ctx)
	job, pool, ok := c.State.Job(req.GetId())
	if !ok {
		return nil, status.Error(codes.NotFound, "no such job")
	}
	if !slices.Contains(p.Pools, pool) {
		return nil, status.Error(codes.PermissionDenied, "pool not permitted")
	}
	return job, nil
}

func (c *Controller) StreamLogs(req *runnerpb.StreamLogsRequest, stream runnerpb.Controller_StreamLogsServer) error {
	ctx := stream.Context()
	p := authn.PrincipalFrom(ctx)
	_, pool, ok := c.State.Job(req.GetJobId())
	if !ok {
		return status.Error(codes.NotFound, "no such job")
	}
	if !slices.Contains(p.Pools, pool) {
		return status.Error(codes.PermissionDenied, "pool not permitted")
	}

	backlog, ch, unsubscribe := c.State.SubscribeLogs(req.GetJobId())
	defer unsubscribe()

	var offset int64
	for _, b := range backlog {
		if offset+int64(len(b)) > req.GetFromOffset() {
			if err := stream.Send(&runnerpb.LogChunk{JobId: req.GetJobId(), Offset: offset, Data: b}); err != nil {
				return err
			}
		}
		offset += int64(len(b))
	}

	for {
		select {
		case <-ctx.Done():
			return status.FromContextError(ctx.Err()).Err()
		case b := <-ch:
			if err := stream.Send(&runnerpb.LogChunk{JobId: req.GetJobId(), Offset: offset, Data: b}); err != nil {
				return err
			}
			offset += int64(len(b))
		}
	}
}
