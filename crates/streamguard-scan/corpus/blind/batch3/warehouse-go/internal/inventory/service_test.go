package inventory

import (
	"testing"

	"github.com/northwind/warehouse/gen/inventorypb"
)

func TestAdjustRejectsNegativeStock(t *testing.T) {
	s := NewStore()
	s.skus["A-1"] = &inventorypb.Sku{Sku: "A-1", Warehouse: "w1", OnHand: 2}
	if _, ok := s.Adjust("w1", "A-1", -3); ok {
		t.Fatal("allowed negative stock")
	}
	if v, ok := s.Adjust("w1", "A-1", -2); !ok || v != 0 {
		t.Fatalf("got %d %v", v, ok)
	}
}

func TestAdjustNotifiesSubscribers(t *testing.T) {
	s := NewStore()
	s.skus["A-1"] = &inventorypb.Sku{Sku: "A-1", Warehouse: "w1", OnHand: 2}
	ch, stop := s.Subscribe("w1")
	defer stop()
	s.Adjust("w1", "A-1", 5)
	if l := <-ch; l.GetOnHand() != 7 {
		t.Fatalf("got %d", l.GetOnHand())
	}
}
