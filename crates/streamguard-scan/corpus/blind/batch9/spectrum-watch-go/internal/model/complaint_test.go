package model

import "testing"

func TestComplaintValidate(t *testing.T) {
	r := &Complaint{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
