package model

import "testing"

func TestCalibrationValidate(t *testing.T) {
	r := &Calibration{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
