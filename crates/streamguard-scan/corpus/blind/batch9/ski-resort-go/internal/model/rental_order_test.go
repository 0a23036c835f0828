package model

import "testing"

func TestRentalOrderValidate(t *testing.T) {
	r := &RentalOrder{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
