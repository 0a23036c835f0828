package model

import "testing"

func TestDemandLimitValidate(t *testing.T) {
	r := &DemandLimit{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
