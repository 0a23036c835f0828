package bus

import (
	"sync"

	ledgerv1 "github.com/northwind-fin/ledger/api/ledger/v1"
)

// Trades fans executed trades out to subscribers.
type Trades struct {
	mu   sync.RWMutex
	next int
	subs map[int]chan *ledgerv1.Trade
}

func NewTrades() *Trades {
	return &Trades{subs: make(map[int]chan *ledgerv1.Trade)}
}

func (t *Trades) Subscribe(buf int) (int, <-chan *ledgerv1.Trade) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.next++
	ch := make(chan *ledgerv1.Trade, buf)
	t.subs[t.next] = ch
	return t.next, ch
}

func (t *Trades) Unsubscribe(id int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if ch, ok := t.subs[id]; ok {
		close(ch)
		delete(t.subs, id)
	}
}

func (t *Trades) Publish(tr *ledgerv1.Trade) {
	t.mu.RLock()
	defer t.mu.RUnlock()
	for _, ch := range t.subs {
		select {
		case ch <- tr:
		default:
		}
	}
}
