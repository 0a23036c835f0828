package main

import (
	"sync"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	pb "github.com/reelhouse/transcodepb"
)

type job struct {
	mu      sync.Mutex
	percent float32
	state   string
	changed chan struct{}
}

type jobTable struct {
	mu   sync.Mutex
	jobs map[string]*job
}

func newJobTable() *jobTable { return &jobTable{jobs: map[string]*job{}} }

func (t *jobTable) get(id string) (*job, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	j, ok := t.jobs[id]
	return j, ok
}

func (t *jobTable) runQueue() {
	for range time.Tick(500 * time.Millisecond) {
		t.mu.Lock()
		for _, j := range t.jobs {
			j.mu.Lock()
			if j.state == "running" {
				j.percent += 1
				if j.percent >= 100 {
					j.percent, j.state = 100, "done"
				}
				close(j.changed)
				j.changed = make(chan struct{})
			}
			j.mu.Unlock()
		}
		t.mu.Unlock()
	}
}

type progressServer struct {
	pb.UnimplementedWorkerServer
	jobs *jobTable
}

func (s *progressServer) Progress(req *pb.ProgressRequest, stream pb.Worker_ProgressServer) error {
	j, ok := s.jobs.get(req.GetJobId())
	if !ok {
		return status.Error(codes.NotFound, "unknown job")
	}
	ctx := stream.Context()
	for {
		j.mu.Lock()
		ev := &pb.JobEvent{JobId: req.GetJobId(), Percent: j.percent, State: j.state}
		changed := j.changed
		j.mu.Unlock()
		if err := stream.Send(ev); err != nil {
			return err
		}
		if ev.State == "done" || ev.State == "failed" {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-changed:
		}
	}
}
