package model

import "testing"

func TestTrendLogValidate(t *testing.T) {
	r := &TrendLog{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
