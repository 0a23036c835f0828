package model

import "testing"

func TestLicenceValidate(t *testing.T) {
	r := &Licence{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
