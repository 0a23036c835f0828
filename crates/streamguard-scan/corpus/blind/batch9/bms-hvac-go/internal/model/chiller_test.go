package model

import "testing"

func TestChillerValidate(t *testing.T) {
	r := &Chiller{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
