package model

import "testing"

func TestVavBoxValidate(t *testing.T) {
	r := &VavBox{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
