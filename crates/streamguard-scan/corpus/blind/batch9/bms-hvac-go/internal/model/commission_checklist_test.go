package model

import "testing"

func TestCommissionChecklistValidate(t *testing.T) {
	r := &CommissionChecklist{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
