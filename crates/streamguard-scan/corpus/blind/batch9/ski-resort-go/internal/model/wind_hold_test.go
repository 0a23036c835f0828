package model

import "testing"

func TestWindHoldValidate(t *testing.T) {
	r := &WindHold{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
