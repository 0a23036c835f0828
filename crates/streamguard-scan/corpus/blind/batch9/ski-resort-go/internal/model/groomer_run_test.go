package model

import "testing"

func TestGroomerRunValidate(t *testing.T) {
	r := &GroomerRun{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
