package model

import "testing"

func TestPassProductValidate(t *testing.T) {
	r := &PassProduct{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
