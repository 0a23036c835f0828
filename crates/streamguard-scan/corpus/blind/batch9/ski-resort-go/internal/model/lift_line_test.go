package model

import "testing"

func TestLiftLineValidate(t *testing.T) {
	r := &LiftLine{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
