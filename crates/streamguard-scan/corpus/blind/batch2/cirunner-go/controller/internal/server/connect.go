package server

import (
	"context"
	"errors"
	"io"
	"log/slog"

	"golang.org/x/sync/errgroup"
	"golang.org/x/time/rate"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/forgeci/controller/gen/runnerpb"
	"github.com/forgeci/controller/internal/artifacts"
	"github.com/forgeci/controller/internal/authn"
)

const (
	eventsPerSecond = 200
	eventBurst      = 400
)

type Controller struct {
	runnerpb.UnimplementedControllerServer
	State     *State
	Artifacts *artifacts.Uploader
}

func (c *Controller) Connect(stream runnerpb.Controller_ConnectServer) error {
	p := authn.PrincipalFrom(stream.Context())
	if p == nil || p.Kind != "runner" || len(p.Pools) == 0 {
		return status.Error(codes.PermissionDenied, "runner credentials required")
	}
	pool := p.Pools[0]
	limiter := rate.NewLimiter(eventsPerSecond, eventBurst)

	g, ctx := errgroup.WithContext(stream.Context())
	defer c.State.Requeue(p.Subject)

	g.Go(func() error {
		q := c.State.Queue(pool)
		for {
			select {
			case <-ctx.Done():
				return nil
			case job := <-q:
				c.State.Assign(job.GetId(), p.Subject)
				if err := stream.Send(&runnerpb.ControllerCommand{Cmd: &runnerpb.ControllerCommand_Run{Run: job}}); err != nil {
					return err
				}
			}
		}
	})

	g.Go(func() error {
		for {
			ev, err := stream.Recv()
			if errors.Is(err, io.EOF) {
				return nil
			}
			if err != nil {
				return err
			}
			if !limiter.Allow() {
				return status.Error(codes.ResourceExhausted, "agent is sending too fast")
			}
			if _, ok := ev.GetEvent().(*runnerpb.AgentEvent_Heartbeat); ok {
				continue
			}
			if c.State.AssignedTo(ev.GetJobId()) != p.Subject {
				return status.Errorf(codes.PermissionDenied, "job %s is not assigned to this runner", ev.GetJobId())
			}
			if err := c.handleEvent(ctx, ev); err != nil {
				slog.Warn("event failed", "job", ev.GetJobId(), "err", err)
			}
		}
	})

	return g.Wait()
}

func (c *Controller) handleEvent(ctx context.Context, ev *runnerpb.AgentEvent) error {
	switch e := ev.GetEvent().(type) {
	case *runnerpb.AgentEvent_Log:
		c.State.AppendLog(ev.GetJobId(), e.Log.GetData())
	case *runnerpb.AgentEvent_Step:
		slog.Info("step finished", "job", ev.GetJobId(), "index", e.Step.GetIndex(), "exit", e.Step.GetExitCode())
	case *runnerpb.AgentEvent_Artifact:
		return c.Artifacts.Mirror(ctx, ev.GetJobId(), e.Artifact.GetName(), e.Artifact.GetLocalUrl())
	}
	return nil
}
