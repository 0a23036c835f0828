package model

import "testing"

func TestInterferenceReportValidate(t *testing.T) {
	r := &InterferenceReport{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
