package model

import "testing"

func TestDayTicketValidate(t *testing.T) {
	r := &DayTicket{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
