package model

import "testing"

func TestOccupancyScheduleValidate(t *testing.T) {
	r := &OccupancySchedule{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
