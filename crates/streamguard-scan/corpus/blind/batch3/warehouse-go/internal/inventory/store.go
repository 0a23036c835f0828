package inventory

import (
	"sort"
	"sync"
	"time"

	"github.com/northwind/warehouse/gen/inventorypb"
)

type Store struct {
	mu     sync.RWMutex
	skus   map[string]*inventorypb.Sku
	subs   map[chan *inventorypb.StockLevel]string
}

func NewStore() *Store {
	return &Store{skus: map[string]*inventorypb.Sku{}, subs: map[chan *inventorypb.StockLevel]string{}}
}

func (s *Store) Get(sku string) (*inventorypb.Sku, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	v, ok := s.skus[sku]
	return v, ok
}

func (s *Store) List(warehouse string, limit int) []*inventorypb.Sku {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]*inventorypb.Sku, 0, limit)
	for _, v := range s.skus {
		if v.GetWarehouse() == warehouse {
			out = append(out, v)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].GetSku() < out[j].GetSku() })
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

func (s *Store) Adjust(warehouse, sku string, delta int64) (int64, bool) {
	s.mu.Lock()
	v, ok := s.skus[sku]
	if !ok || v.GetWarehouse() != warehouse || v.GetOnHand()+delta < 0 {
		s.mu.Unlock()
		return 0, false
	}
	v.OnHand += delta
	level := &inventorypb.StockLevel{Warehouse: warehouse, Sku: sku, OnHand: v.OnHand, AtMs: time.Now().UnixMilli()}
	subs := make([]chan *inventorypb.StockLevel, 0, len(s.subs))
	for ch, w := range s.subs {
		if w == warehouse {
			subs = append(subs, ch)
		}
	}
	s.mu.Unlock()
	for _, ch := range subs {
		select {
		case ch <- level:
		default:
		}
	}
	return level.OnHand, true
}

func (s *Store) Subscribe(warehouse string) (<-chan *inventorypb.StockLevel, func()) {
	ch := make(chan *inventorypb.StockLevel, 64)
	s.mu.Lock()
	s.subs[ch] = warehouse
	s.mu.Unlock()
	return ch, func() {
		s.mu.Lock()
		delete(s.subs, ch)
		s.mu.Unlock()
	}
}
