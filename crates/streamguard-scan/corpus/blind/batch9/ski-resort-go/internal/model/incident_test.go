package model

import "testing"

func TestIncidentValidate(t *testing.T) {
	r := &Incident{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
