package model

import "testing"

func TestWorkOrderValidate(t *testing.T) {
	r := &WorkOrder{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
