package model

import "testing"

func TestBoilerValidate(t *testing.T) {
	r := &Boiler{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
