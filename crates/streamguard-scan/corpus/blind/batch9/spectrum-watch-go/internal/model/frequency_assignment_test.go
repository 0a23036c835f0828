package model

import "testing"

func TestFrequencyAssignmentValidate(t *testing.T) {
	r := &FrequencyAssignment{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
