package model

import "testing"

func TestFilterChangeValidate(t *testing.T) {
	r := &FilterChange{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
