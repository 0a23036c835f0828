package model

import "testing"

func TestAirHandlerValidate(t *testing.T) {
	r := &AirHandler{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
