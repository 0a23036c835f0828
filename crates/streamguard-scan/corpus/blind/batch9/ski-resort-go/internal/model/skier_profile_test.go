package model

import "testing"

func TestSkierProfileValidate(t *testing.T) {
	r := &SkierProfile{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
