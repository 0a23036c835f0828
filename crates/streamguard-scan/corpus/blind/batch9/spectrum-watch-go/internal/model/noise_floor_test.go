package model

import "testing"

func TestNoiseFloorValidate(t *testing.T) {
	r := &NoiseFloor{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
