package model

import "testing"

func TestPatrolShiftValidate(t *testing.T) {
	r := &PatrolShift{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
