package model

import "testing"

func TestParkingLotValidate(t *testing.T) {
	r := &ParkingLot{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
