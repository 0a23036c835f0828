package auth

import "testing"

func TestHasZone(t *testing.T) {
	c := &Claims{Zones: []string{"gletscher-nord"}}
	if !c.HasZone("gletscher-nord") || c.HasZone("talabfahrt") {
		t.Fatal("zone check wrong")
	}
}
