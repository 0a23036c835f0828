package model

import "testing"

func TestFaultRuleValidate(t *testing.T) {
	r := &FaultRule{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
