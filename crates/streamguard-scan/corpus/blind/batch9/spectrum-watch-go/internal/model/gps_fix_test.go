package model

import "testing"

func TestGpsFixValidate(t *testing.T) {
	r := &GpsFix{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
