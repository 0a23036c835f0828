package model

import "testing"

func TestOccupancyStatValidate(t *testing.T) {
	r := &OccupancyStat{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
