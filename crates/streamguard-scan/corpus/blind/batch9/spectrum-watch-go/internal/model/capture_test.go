package model

import "testing"

func TestCaptureValidate(t *testing.T) {
	r := &Capture{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
