package model

import "testing"

func TestLicenseeValidate(t *testing.T) {
	r := &Licensee{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
