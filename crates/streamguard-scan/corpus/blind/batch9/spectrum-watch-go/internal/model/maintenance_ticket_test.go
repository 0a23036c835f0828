package model

import "testing"

func TestMaintenanceTicketValidate(t *testing.T) {
	r := &MaintenanceTicket{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
