package model

import "testing"

func TestLiftInspectionValidate(t *testing.T) {
	r := &LiftInspection{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
