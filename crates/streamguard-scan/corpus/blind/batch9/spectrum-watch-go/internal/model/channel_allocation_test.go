package model

import "testing"

func TestChannelAllocationValidate(t *testing.T) {
	r := &ChannelAllocation{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
