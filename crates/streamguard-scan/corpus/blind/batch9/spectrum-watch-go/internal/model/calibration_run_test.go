package model

import "testing"

func TestCalibrationRunValidate(t *testing.T) {
	r := &CalibrationRun{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
