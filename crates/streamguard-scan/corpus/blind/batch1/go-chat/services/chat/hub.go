package main

import (
	"sync"

	"github.com/northwind/chat/chatpb"
)

const historySize = 200

type client struct {
	user string
	room string
	out  chan *chatpb.ServerEvent
}

// hub tracks connected streams and fans messages out to the members of a room.
type hub struct {
	mu      sync.RWMutex
	clients map[chatpb.Chat_ConnectServer]*client
	history map[string][]*chatpb.ServerEvent
}

func newHub() *hub {
	return &hub{
		clients: make(map[chatpb.Chat_ConnectServer]*client),
		history: make(map[string][]*chatpb.ServerEvent),
	}
}

func (h *hub) add(s chatpb.Chat_ConnectServer, user, room string) *client {
	c := &client{user: user, room: room, out: make(chan *chatpb.ServerEvent, 64)}
	h.mu.Lock()
	h.clients[s] = c
	h.mu.Unlock()
	return c
}

func (h *hub) remove(s chatpb.Chat_ConnectServer) {
	h.mu.Lock()
	if c, ok := h.clients[s]; ok {
		delete(h.clients, s)
		close(c.out)
	}
	h.mu.Unlock()
}

func (h *hub) broadcast(room string, ev *chatpb.ServerEvent) {
	h.mu.Lock()
	defer h.mu.Unlock()
	hist := append(h.history[room], ev)
	if len(hist) > historySize {
		hist = hist[len(hist)-historySize:]
	}
	h.history[room] = hist
	for _, c := range h.clients {
		if c.room != room {
			continue
		}
		select {
		case c.out <- ev:
		default:
		}
	}
}

func (h *hub) recent(room string, n int) []*chatpb.ServerEvent {
	h.mu.RLock()
	defer h.mu.RUnlock()
	hist := h.history[room]
	if n > 0 && len(hist) > n {
		hist = hist[len(hist)-n:]
	}
	out := make([]*chatpb.ServerEvent, len(hist))
	copy(out, hist)
	return out
}
