package model

import "testing"

func TestPhotoCaptureValidate(t *testing.T) {
	r := &PhotoCapture{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
