package model

import "testing"

func TestEvidenceItemValidate(t *testing.T) {
	r := &EvidenceItem{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
