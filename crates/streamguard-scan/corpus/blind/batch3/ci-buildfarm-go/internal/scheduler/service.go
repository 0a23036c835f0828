package scheduler

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"slices"
	"time"

	"github.com/forge-ci/buildfarm/gen/forgepb"
	"github.com/forge-ci/buildfarm/internal/authn"
	"github.com/forge-ci/buildfarm/internal/cas"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

type Service struct {
	forgepb.UnimplementedSchedulerServer

	Queue *Queue
	CAS   *cas.Client
}

func newOpName() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return "operations/" + hex.EncodeToString(b)
}

func canUse(c *authn.Claims, instance string) bool {
	return c != nil && (slices.Contains(c.Instances, instance) || slices.Contains(c.Instances, "*"))
}

func (s *Service) Execute(req *forgepb.ExecuteRequest, stream forgepb.Scheduler_ExecuteServer) error {
	ctx := stream.Context()
	if !canUse(authn.ClaimsFrom(ctx), req.GetInstanceName()) {
		return status.Error(codes.PermissionDenied, "instance not allowed")
	}

	hashes := make([]string, 0, len(req.GetInputs()))
	for _, d := range req.GetInputs() {
		hashes = append(hashes, d.GetHash())
	}
	casCtx, cancel := context.WithTimeout(ctx, 20*time.Second)
	missing, err := s.CAS.Missing(casCtx, hashes)
	cancel()
	if err != nil {
		return status.Errorf(codes.Unavailable, "cas: %v", err)
	}
	if len(missing) > 0 {
		return status.Errorf(codes.FailedPrecondition, "%d inputs missing from CAS", len(missing))
	}

	name := newOpName()
	s.Queue.Enqueue(name, req.GetInstanceName(), req.GetActionDigest())
	return s.follow(name, stream)
}

func (s *Service) WaitExecution(req *forgepb.WaitExecutionRequest, stream forgepb.Scheduler_WaitExecutionServer) error {
	return s.follow(req.GetOperation(), stream)
}

func (s *Service) follow(name string, stream forgepb.Scheduler_ExecuteServer) error {
	updates, stop, ok := s.Queue.Watch(name)
	if !ok {
		return status.Error(codes.NotFound, "unknown operation")
	}
	defer stop()
	ctx := stream.Context()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case u, open := <-updates:
			if !open {
				return nil
			}
			if err := stream.Send(u); err != nil {
				return err
			}
			if u.GetDone() {
				return nil
			}
		}
	}
}

func (s *Service) StreamLogs(req *forgepb.StreamLogsRequest, stream forgepb.Scheduler_StreamLogsServer) error {
	ctx := stream.Context()
	ticker := time.NewTicker(500 * time.Millisecond)
	defer ticker.Stop()
	n := 0
	for {
		lines, done := s.Queue.Logs(req.GetOperation(), n)
		for _, l := range lines {
			n++
			if err := stream.Send(&forgepb.LogLine{Operation: req.GetOperation(), N: uint64(n), Text: l}); err != nil {
				return err
			}
		}
		if done {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-ticker.C:
		}
	}
}

func (s *Service) WorkerSession(stream forgepb.Scheduler_WorkerSessionServer) error {
	ctx := stream.Context()
	claims := authn.ClaimsFrom(ctx)
	if claims == nil || claims.Role != "worker" {
		return status.Error(codes.PermissionDenied, "workers only")
	}

	first, err := stream.Recv()
	if err != nil {
		return err
	}
	hello := first.GetHello()
	if hello == nil || hello.GetWorkerId() != claims.Subject {
		return status.Error(codes.PermissionDenied, "hello must name the authenticated worker")
	}

	slots := make(chan struct{}, max(1, int(hello.GetSlots())))
	sendErr := make(chan error, 1)
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case slots <- struct{}{}:
			}
			select {
			case <-ctx.Done():
				return
			case o := <-s.Queue.Next():
				lease := s.Queue.Lease(o, hello.GetWorkerId())
				if err := stream.Send(&forgepb.SchedulerMessage{Body: &forgepb.SchedulerMessage_Lease{Lease: lease}}); err != nil {
					sendErr <- err
					return
				}
			}
		}
	}()

	for {
		msg, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		switch {
		case msg.GetResult() != nil:
			res := msg.GetResult()
			if s.Queue.Complete(res.GetActionId(), res) {
				select {
				case <-slots:
				default:
				}
			}
		case msg.GetLog() != nil:
			s.Queue.AppendLog(msg.GetLog().GetActionId(), msg.GetLog().GetText())
		}
		select {
		case err := <-sendErr:
			return err
		default:
		}
	}
}
