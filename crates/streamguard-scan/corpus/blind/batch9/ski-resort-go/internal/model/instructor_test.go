package model

import "testing"

func TestInstructorValidate(t *testing.T) {
	r := &Instructor{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
