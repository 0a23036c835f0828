package model

import "testing"

func TestShuttleValidate(t *testing.T) {
	r := &Shuttle{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
