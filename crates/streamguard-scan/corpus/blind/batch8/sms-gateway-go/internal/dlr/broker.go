package dlr

import (
	"sync"

	smsv1 "github.com/relaytel/smsgw/gen/smsv1"
)

// Broker fans delivery reports out to the watchers of a tenant.
type Broker struct {
	mu       sync.Mutex
	watchers map[string]map[chan *smsv1.DeliveryReport]struct{}
}

func NewBroker() *Broker {
	return &Broker{watchers: map[string]map[chan *smsv1.DeliveryReport]struct{}{}}
}

func (b *Broker) Subscribe(tenant string) (<-chan *smsv1.DeliveryReport, func()) {
	ch := make(chan *smsv1.DeliveryReport, 512)
	b.mu.Lock()
	if b.watchers[tenant] == nil {
		b.watchers[tenant] = map[chan *smsv1.DeliveryReport]struct{}{}
	}
	b.watchers[tenant][ch] = struct{}{}
	b.mu.Unlock()
	return ch, func() {
		b.mu.Lock()
		delete(b.watchers[tenant], ch)
		b.mu.Unlock()
	}
}

func (b *Broker) Publish(tenant string, r *smsv1.DeliveryReport) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch := range b.watchers[tenant] {
		select {
		case ch <- r:
		default: // slow watcher: drop, the report is in the message log
		}
	}
}
