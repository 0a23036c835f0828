package model

import "testing"

func TestReceiverValidate(t *testing.T) {
	r := &Receiver{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
