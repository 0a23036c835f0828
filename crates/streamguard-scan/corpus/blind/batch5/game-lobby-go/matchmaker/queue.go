package main

import (
	"context"
	"log"
	"sync"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	pb "lobby.arcadia.gg/platform/lobbypb"
)

const maxQueueWait = 5 * time.Minute

type waiting struct {
	req   *pb.QueueRequest
	found chan allocation
}

type matchmaker struct {
	pb.UnimplementedMatchmakerServer
	fleet *fleetClient
	mu    sync.Mutex
	pool  map[string][]*waiting
}

func newMatchmaker(f *fleetClient) *matchmaker { return &matchmaker{fleet: f, pool: map[string][]*waiting{}} }

func (m *matchmaker) QueueForMatch(req *pb.QueueRequest, stream grpc.ServerStreamingServer[pb.MatchUpdate]) error {
	w := &waiting{req: req, found: make(chan allocation, 1)}
	group := m.enqueue(w)

	if group != nil {
		// Warm a server for the next group of this mode while we allocate this one.
		go func() {
			pctx, cancel := context.WithTimeout(context.Background(), 45*time.Second)
			defer cancel()
			if err := m.fleet.Prewarm(pctx, req.GetMode(), "auto"); err != nil {
				log.Printf("prewarm %s: %v", req.GetMode(), err)
			}
		}()
		players := make([]string, 0, len(group))
		for _, g := range group {
			players = append(players, g.req.GetPlayerId())
		}
		alloc, err := m.fleet.Allocate(stream.Context(), req.GetMode(), players)
		if err != nil {
			return status.Errorf(codes.Unavailable, "no game server: %v", err)
		}
		for _, g := range group {
			g.found <- alloc
		}
	}

	start := time.Now()
	tick := time.NewTicker(2 * time.Second)
	defer tick.Stop()
	timeout := time.NewTimer(maxQueueWait)
	defer timeout.Stop()
	for {
		select {
		case alloc := <-w.found:
			return stream.Send(&pb.MatchUpdate{State: "FOUND", ServerAddr: alloc.Addr, MatchId: alloc.MatchID, WaitS: uint32(time.Since(start).Seconds())})
		case <-tick.C:
			if err := stream.Send(&pb.MatchUpdate{State: "SEARCHING", WaitS: uint32(time.Since(start).Seconds())}); err != nil {
				m.dequeue(w)
				return err
			}
		case <-timeout.C:
			m.dequeue(w)
			return stream.Send(&pb.MatchUpdate{State: "GAVE_UP", WaitS: uint32(time.Since(start).Seconds())})
		case <-stream.Context().Done():
			m.dequeue(w)
			return stream.Context().Err()
		}
	}
}

// enqueue adds w to its mode's pool and returns a full group (including w) when one forms.
func (m *matchmaker) enqueue(w *waiting) []*waiting {
	m.mu.Lock()
	defer m.mu.Unlock()
	mode := w.req.GetMode()
	m.pool[mode] = append(m.pool[mode], w)
	if len(m.pool[mode]) < 10 {
		return nil
	}
	group := m.pool[mode][:10]
	m.pool[mode] = append([]*waiting(nil), m.pool[mode][10:]...)
	return group
}

func (m *matchmaker) dequeue(w *waiting) {
	m.mu.Lock()
	defer m.mu.Unlock()
	mode := w.req.GetMode()
	for i, x := range m.pool[mode] {
		if x == w {
			m.pool[mode] = append(m.pool[mode][:i], m.pool[mode][i+1:]...)
			return
		}
	}
}
