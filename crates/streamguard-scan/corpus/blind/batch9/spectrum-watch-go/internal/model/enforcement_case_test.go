package model

import "testing"

func TestEnforcementCaseValidate(t *testing.T) {
	r := &EnforcementCase{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
