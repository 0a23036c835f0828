package depot

import (
	"sync"
	"time"
)

type Counters struct {
	mu       sync.Mutex
	inbound  map[string][]time.Time
	outbound map[string][]time.Time
	backlog  map[string]int
}

func NewCounters() *Counters {
	return &Counters{inbound: map[string][]time.Time{}, outbound: map[string][]time.Time{}, backlog: map[string]int{}}
}

func (c *Counters) Record(depotID, kind string, at time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch kind {
	case "arrival":
		c.inbound[depotID] = append(trim(c.inbound[depotID], at), at)
		c.backlog[depotID]++
	case "departure":
		c.outbound[depotID] = append(trim(c.outbound[depotID], at), at)
		if c.backlog[depotID] > 0 {
			c.backlog[depotID]--
		}
	}
}

func (c *Counters) Snapshot(depotID string, now time.Time) (in, out, backlog int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(trim(c.inbound[depotID], now)), len(trim(c.outbound[depotID], now)), c.backlog[depotID]
}

func trim(ts []time.Time, now time.Time) []time.Time {
	i := 0
	for i < len(ts) && now.Sub(ts[i]) > time.Minute {
		i++
	}
	return ts[i:]
}
