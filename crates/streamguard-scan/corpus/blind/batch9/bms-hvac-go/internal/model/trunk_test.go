package model

import "testing"

func TestTrunkValidate(t *testing.T) {
	r := &Trunk{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
