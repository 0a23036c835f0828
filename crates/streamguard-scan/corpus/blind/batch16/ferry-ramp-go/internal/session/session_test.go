package session

import "testing"

func TestHasBerth(t *testing.T) {
	s := &Session{Berths: []string{"B3", "B4"}}
	if !s.HasBerth("B4") || s.HasBerth("B1") {
		t.Fatal("HasBerth wrong")
	}
}
