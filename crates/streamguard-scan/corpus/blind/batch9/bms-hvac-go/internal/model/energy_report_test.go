package model

import "testing"

func TestEnergyReportValidate(t *testing.T) {
	r := &EnergyReport{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
