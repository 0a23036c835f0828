package model

import "testing"

func TestBearingValidate(t *testing.T) {
	r := &Bearing{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
