package model

import "testing"

func TestValleyScreenValidate(t *testing.T) {
	r := &ValleyScreen{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
