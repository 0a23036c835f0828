package model

import "testing"

func TestClassificationValidate(t *testing.T) {
	r := &Classification{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
