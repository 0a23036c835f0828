package board

import (
	"sync"
	"time"
)

type Incident struct {
	ID       string
	Zone     string
	Address  string
	Priority string
	Status   string
	Unit     string
}

// Board is the in-memory dispatch board (backed by the CAD database elsewhere).
type Board struct {
	mu        sync.Mutex
	incidents map[string]*Incident
	alive     map[string]time.Time
	subs      map[chan Incident]string
	outbox    map[string]chan Incident
}

func New() *Board {
	return &Board{incidents: map[string]*Incident{}, alive: map[string]time.Time{}, subs: map[chan Incident]string{}, outbox: map[string]chan Incident{}}
}

func (b *Board) MarkAlive(unit string) {
	b.mu.Lock()
	b.alive[unit] = time.Now()
	b.mu.Unlock()
}

func (b *Board) SetStatus(incident, unit, status string) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	inc, ok := b.incidents[incident]
	if !ok {
		return false
	}
	inc.Status, inc.Unit = status, unit
	for ch, zone := range b.subs {
		if zone == inc.Zone {
			select {
			case ch <- *inc:
			default:
			}
		}
	}
	return true
}

func (b *Board) Subscribe(zone string) (<-chan Incident, func()) {
	ch := make(chan Incident, 64)
	b.mu.Lock()
	b.subs[ch] = zone
	b.mu.Unlock()
	return ch, func() {
		b.mu.Lock()
		delete(b.subs, ch)
		b.mu.Unlock()
	}
}

// Assignments returns the queue of assignments for a unit.
func (b *Board) Assignments(unit string) <-chan Incident {
	b.mu.Lock()
	defer b.mu.Unlock()
	ch, ok := b.outbox[unit]
	if !ok {
		ch = make(chan Incident, 16)
		b.outbox[unit] = ch
	}
	return ch
}
