package model

import "testing"

func TestThermostatValidate(t *testing.T) {
	r := &Thermostat{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
