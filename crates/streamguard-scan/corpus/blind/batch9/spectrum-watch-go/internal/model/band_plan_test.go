package model

import "testing"

func TestBandPlanValidate(t *testing.T) {
	r := &BandPlan{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
