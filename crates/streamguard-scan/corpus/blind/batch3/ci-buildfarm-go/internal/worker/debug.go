package worker

import (
	"context"
	"sync"

	"github.com/forge-ci/buildfarm/gen/forgepb"
)

// Output is an in-process fan-out of the stdout/stderr lines of running actions.
type Output struct {
	mu   sync.Mutex
	subs map[chan *forgepb.OutputLine]string
}

func NewOutput() *Output {
	return &Output{subs: map[chan *forgepb.OutputLine]string{}}
}

func (o *Output) Publish(line *forgepb.OutputLine) {
	o.mu.Lock()
	defer o.mu.Unlock()
	for ch, filter := range o.subs {
		if filter != "" && filter != line.GetActionId() {
			continue
		}
		select {
		case ch <- line:
		default:
		}
	}
}

func (o *Output) subscribe(filter string) (chan *forgepb.OutputLine, func()) {
	ch := make(chan *forgepb.OutputLine, 256)
	o.mu.Lock()
	o.subs[ch] = filter
	o.mu.Unlock()
	return ch, func() {
		o.mu.Lock()
		delete(o.subs, ch)
		o.mu.Unlock()
	}
}

type Debug struct {
	forgepb.UnimplementedWorkerDebugServer

	ID     string
	Slots  uint32
	Runner *Runner
	Out    *Output
}

func (d *Debug) Status(ctx context.Context, _ *forgepb.StatusRequest) (*forgepb.WorkerStatus, error) {
	running := d.Runner.Running()
	return &forgepb.WorkerStatus{WorkerId: d.ID, Busy: uint32(len(running)), Slots: d.Slots, Running: running}, nil
}

func (d *Debug) TailOutput(req *forgepb.TailOutputRequest, stream forgepb.WorkerDebug_TailOutputServer) error {
	lines, unsubscribe := d.Out.subscribe(req.GetActionId())
	defer unsubscribe()
	for {
		select {
		case <-stream.Context().Done():
			return nil
		case l := <-lines:
			if err := stream.Send(l); err != nil {
				return err
			}
		}
	}
}
