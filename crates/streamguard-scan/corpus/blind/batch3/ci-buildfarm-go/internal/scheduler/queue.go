package scheduler

import (
	"sync"
	"time"

	"github.com/forge-ci/buildfarm/gen/forgepb"
)

type op struct {
	name     string
	instance string
	digest   *forgepb.Digest
	stage    string
	done     bool
	result   *forgepb.ActionResult
	leasedTo string
	watchers []chan *forgepb.Operation
	logs     []string
}

type Queue struct {
	mu      sync.Mutex
	ops     map[string]*op
	pending chan *op
}

func NewQueue() *Queue {
	return &Queue{ops: map[string]*op{}, pending: make(chan *op, 4096)}
}

func (q *Queue) Enqueue(name, instance string, d *forgepb.Digest) {
	o := &op{name: name, instance: instance, digest: d, stage: "QUEUED"}
	q.mu.Lock()
	q.ops[name] = o
	q.mu.Unlock()
	q.pending <- o
}

func (q *Queue) Next() <-chan *op { return q.pending }

func (q *Queue) Watch(name string) (<-chan *forgepb.Operation, func(), bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	o, ok := q.ops[name]
	if !ok {
		return nil, func() {}, false
	}
	ch := make(chan *forgepb.Operation, 16)
	ch <- o.snapshot()
	if o.done {
		close(ch)
		return ch, func() {}, true
	}
	o.watchers = append(o.watchers, ch)
	return ch, func() {
		q.mu.Lock()
		defer q.mu.Unlock()
		for i, w := range o.watchers {
			if w == ch {
				o.watchers = append(o.watchers[:i], o.watchers[i+1:]...)
				break
			}
		}
	}, true
}

func (q *Queue) Lease(o *op, worker string) *forgepb.Lease {
	q.mu.Lock()
	o.leasedTo = worker
	o.stage = "EXECUTING"
	q.notify(o)
	q.mu.Unlock()
	return &forgepb.Lease{ActionId: o.name, ActionDigest: o.digest, DeadlineUnix: time.Now().Add(time.Hour).Unix()}
}

func (q *Queue) Complete(actionID string, res *forgepb.ActionResult) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	o, ok := q.ops[actionID]
	if !ok || o.done {
		return false
	}
	o.done, o.stage, o.result = true, "COMPLETED", res
	q.notify(o)
	for _, w := range o.watchers {
		close(w)
	}
	o.watchers = nil
	return true
}

func (q *Queue) AppendLog(actionID, text string) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if o, ok := q.ops[actionID]; ok {
		o.logs = append(o.logs, text)
	}
}

func (q *Queue) Logs(actionID string, from int) ([]string, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	o, ok := q.ops[actionID]
	if !ok {
		return nil, true
	}
	if from > len(o.logs) {
		from = len(o.logs)
	}
	return append([]string(nil), o.logs[from:]...), o.done
}

func (q *Queue) notify(o *op) {
	snap := o.snapshot()
	for _, w := range o.watchers {
		select {
		case w <- snap:
		default:
		}
	}
}

func (o *op) snapshot() *forgepb.Operation {
	s := &forgepb.Operation{Name: o.name, Stage: o.stage, Done: o.done}
	if o.result != nil {
		s.ExitCode = o.result.GetExitCode()
		s.Stdout = o.result.GetStdout()
		s.Stderr = o.result.GetStderr()
	}
	return s
}
