package model

import "testing"

func TestEmitterValidate(t *testing.T) {
	r := &Emitter{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
