package model

import "testing"

func TestFddResultValidate(t *testing.T) {
	r := &FddResult{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
