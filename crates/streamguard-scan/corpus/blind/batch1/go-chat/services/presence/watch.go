package main

import (
	"context"
	"sync"
	"time"

	"github.com/northwind/presence/presencepb"
)

type directory interface {
	Lookup(ctx context.Context, user string) (displayName string, err error)
}

type presenceServer struct {
	presencepb.UnimplementedPresenceServer

	dir directory

	mu     sync.Mutex
	online map[string]time.Time
	subs   map[chan *presencepb.Status]struct{}
}

func newPresenceServer(dir directory) *presenceServer {
	return &presenceServer{
		dir:    dir,
		online: map[string]time.Time{},
		subs:   map[chan *presencepb.Status]struct{}{},
	}
}

func (p *presenceServer) subscribe() chan *presencepb.Status {
	ch := make(chan *presencepb.Status, 32)
	p.mu.Lock()
	p.subs[ch] = struct{}{}
	p.mu.Unlock()
	return ch
}

func (p *presenceServer) unsubscribe(ch chan *presencepb.Status) {
	p.mu.Lock()
	delete(p.subs, ch)
	p.mu.Unlock()
}

func (p *presenceServer) Watch(req *presencepb.WatchRequest, stream presencepb.Presence_WatchServer) error {
	ctx := stream.Context()
	want := make(map[string]bool, len(req.GetUsers()))
	for _, u := range req.GetUsers() {
		want[u] = true
	}
	sub := p.subscribe()
	defer p.unsubscribe(sub)

	for {
		select {
		case <-ctx.Done():
			return nil
		case st := <-sub:
			if len(want) > 0 && !want[st.GetUser()] {
				continue
			}
			name, err := p.dir.Lookup(ctx, st.GetUser())
			if err == nil {
				st.DisplayName = name
			}
			if err := stream.Send(st); err != nil {
				return err
			}
		}
	}
}

func (p *presenceServer) List(req *presencepb.ListRequest, stream presencepb.Presence_ListServer) error {
	p.mu.Lock()
	snapshot := make(map[string]time.Time, len(p.online))
	for u, t := range p.online {
		snapshot[u] = t
	}
	p.mu.Unlock()
	for u, since := range snapshot {
		if err := stream.Send(&presencepb.Status{User: u, Online: true, SinceUnix: since.Unix()}); err != nil {
			return err
		}
	}
	return nil
}

func (p *presenceServer) publish(st *presencepb.Status) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if st.GetOnline() {
		p.online[st.GetUser()] = time.Now()
	} else {
		delete(p.online, st.GetUser())
	}
	for ch := range p.subs {
		select {
		case ch <- st:
		default:
		}
	}
}
