package model

import "testing"

func TestAlarmValidate(t *testing.T) {
	r := &Alarm{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
