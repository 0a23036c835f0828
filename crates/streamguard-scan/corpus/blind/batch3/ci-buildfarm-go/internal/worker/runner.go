package worker

import (
	"bufio"
	"context"
	"log/slog"
	"os/exec"
	"sync"

	"github.com/forge-ci/buildfarm/gen/forgepb"
	"google.golang.org/grpc/metadata"
)

type Runner struct {
	ID      string
	Token   string
	Client  forgepb.SchedulerClient
	Out     *Output
	Slots   uint32
	mu      sync.Mutex
	running map[string]struct{}
}

func (r *Runner) Running() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]string, 0, len(r.running))
	for id := range r.running {
		out = append(out, id)
	}
	return out
}

func (r *Runner) Run(ctx context.Context) error {
	ctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+r.Token)
	session, err := r.Client.WorkerSession(ctx)
	if err != nil {
		return err
	}
	if err := session.Send(&forgepb.WorkerMessage{Body: &forgepb.WorkerMessage_Hello{Hello: &forgepb.WorkerHello{WorkerId: r.ID, Slots: r.Slots}}}); err != nil {
		return err
	}
	var sendMu sync.Mutex
	for {
		msg, err := session.Recv()
		if err != nil {
			return err
		}
		lease, ok := msg.GetBody().(*forgepb.SchedulerMessage_Lease)
		if !ok {
			continue
		}
		go func(l *forgepb.Lease) {
			r.mu.Lock()
			if r.running == nil {
				r.running = map[string]struct{}{}
			}
			r.running[l.GetActionId()] = struct{}{}
			r.mu.Unlock()
			code := r.execute(ctx, l)
			r.mu.Lock()
			delete(r.running, l.GetActionId())
			r.mu.Unlock()
			sendMu.Lock()
			defer sendMu.Unlock()
			_ = session.Send(&forgepb.WorkerMessage{Body: &forgepb.WorkerMessage_Result{Result: &forgepb.ActionResult{ActionId: l.GetActionId(), ExitCode: int32(code)}}})
		}(lease.Lease)
	}
}

func (r *Runner) execute(ctx context.Context, l *forgepb.Lease) int {
	cmd := exec.CommandContext(ctx, "/usr/local/bin/forge-exec", "--digest", l.GetActionDigest().GetHash())
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		slog.Error("exec", "err", err)
		return 127
	}
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		r.Out.Publish(&forgepb.OutputLine{ActionId: l.GetActionId(), Stream: "stdout", Text: sc.Text()})
	}
	if err := cmd.Wait(); err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode()
		}
		return 1
	}
	return 0
}
