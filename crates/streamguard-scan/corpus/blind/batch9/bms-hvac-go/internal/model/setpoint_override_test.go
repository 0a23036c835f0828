package model

import "testing"

func TestSetpointOverrideValidate(t *testing.T) {
	r := &SetpointOverride{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
