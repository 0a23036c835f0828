package model

import "testing"

func TestAntennaValidate(t *testing.T) {
	r := &Antenna{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
