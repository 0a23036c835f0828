package model

import "testing"

func TestAlarmAckValidate(t *testing.T) {
	r := &AlarmAck{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
