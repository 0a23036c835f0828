package model

import "testing"

func TestSweepValidate(t *testing.T) {
	r := &Sweep{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
