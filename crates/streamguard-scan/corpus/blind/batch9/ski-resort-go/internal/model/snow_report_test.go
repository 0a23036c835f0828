package model

import "testing"

func TestSnowReportValidate(t *testing.T) {
	r := &SnowReport{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
