package model

import "testing"

func TestDirectionFindingValidate(t *testing.T) {
	r := &DirectionFinding{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
