package rooms

import (
	"sort"
	"sync"

	pb "lobby.arcadia.gg/platform/lobbypb"
)

type Room struct {
	ID       string
	Region   string
	Capacity uint32
	members  map[string]chan *pb.GameEvent
}

type Registry struct {
	mu    sync.RWMutex
	rooms map[string]*Room
}

func NewRegistry() *Registry { return &Registry{rooms: map[string]*Room{}} }

func (r *Registry) Enter(roomID, player string, out chan *pb.GameEvent) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	room, ok := r.rooms[roomID]
	if !ok || uint32(len(room.members)) >= room.Capacity {
		return false
	}
	room.members[player] = out
	return true
}

func (r *Registry) Leave(roomID, player string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if room, ok := r.rooms[roomID]; ok {
		delete(room.members, player)
	}
}

func (r *Registry) Broadcast(roomID string, ev *pb.GameEvent) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	room, ok := r.rooms[roomID]
	if !ok {
		return
	}
	for _, ch := range room.members {
		select {
		case ch <- ev:
		default:
		}
	}
}

func (r *Registry) Snapshot(region string) *pb.LobbyState {
	r.mu.RLock()
	defer r.mu.RUnlock()
	st := &pb.LobbyState{}
	for _, room := range r.rooms {
		if room.Region == region {
			st.Rooms = append(st.Rooms, &pb.RoomInfo{RoomId: room.ID, Players: uint32(len(room.members)), Capacity: room.Capacity})
		}
	}
	sort.Slice(st.Rooms, func(i, j int) bool { return st.Rooms[i].RoomId < st.Rooms[j].RoomId })
	return st
}
