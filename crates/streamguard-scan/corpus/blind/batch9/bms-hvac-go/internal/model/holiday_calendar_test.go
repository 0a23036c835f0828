package model

import "testing"

func TestHolidayCalendarValidate(t *testing.T) {
	r := &HolidayCalendar{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
