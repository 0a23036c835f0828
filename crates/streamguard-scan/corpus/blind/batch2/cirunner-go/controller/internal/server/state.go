package server

import (
	"sync"

	"github.com/forgeci/controller/gen/runnerpb"
)

type jobState struct {
	job    *runnerpb.Job
	pool   string
	runner string
	logs   [][]byte
}

type State struct {
	mu       sync.Mutex
	jobs     map[string]*jobState
	queue    map[string]chan *runnerpb.Job // by pool
	logSubs  map[string]map[chan []byte]struct{}
}

func NewState() *State {
	return &State{
		jobs:    map[string]*jobState{},
		queue:   map[string]chan *runnerpb.Job{},
		logSubs: map[string]map[chan []byte]struct{}{},
	}
}

func (s *State) Queue(pool string) chan *runnerpb.Job {
	s.mu.Lock()
	defer s.mu.Unlock()
	q, ok := s.queue[pool]
	if !ok {
		q = make(chan *runnerpb.Job, 1024)
		s.queue[pool] = q
	}
	return q
}

func (s *State) Assign(jobID, runner string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if js, ok := s.jobs[jobID]; ok {
		js.runner = runner
		js.job.Status = "running"
	}
}

func (s *State) AssignedTo(jobID string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if js, ok := s.jobs[jobID]; ok {
		return js.runner
	}
	return ""
}

func (s *State) Job(jobID string) (*runnerpb.Job, string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	js, ok := s.jobs[jobID]
	if !ok {
		return nil, "", false
	}
	return js.job, js.pool, true
}

func (s *State) AppendLog(jobID string, data []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	js, ok := s.jobs[jobID]
	if !ok {
		return
	}
	js.logs = append(js.logs, data)
	for ch := range s.logSubs[jobID] {
		select {
		case ch <- data:
		default:
		}
	}
}

func (s *State) SubscribeLogs(jobID string) (backlog [][]byte, ch chan []byte, cancel func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ch = make(chan []byte, 256)
	if s.logSubs[jobID] == nil {
		s.logSubs[jobID] = map[chan []byte]struct{}{}
	}
	s.logSubs[jobID][ch] = struct{}{}
	if js, ok := s.jobs[jobID]; ok {
		backlog = append(backlog, js.logs...)
	}
	return backlog, ch, func() {
		s.mu.Lock()
		delete(s.logSubs[jobID], ch)
		s.mu.Unlock()
	}
}

func (s *State) Requeue(runner string) {
	s.mu.Lock()
	var again []*jobState
	for _, js := range s.jobs {
		if js.runner == runner && js.job.Status == "running" {
			js.runner = ""
			js.job.Status = "queued"
			again = append(again, js)
		}
	}
	s.mu.Unlock()
	for _, js := range again {
		s.Queue(js.pool) <- js.job
	}
}
