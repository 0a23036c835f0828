package model

import "testing"

func TestSeasonPassValidate(t *testing.T) {
	r := &SeasonPass{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
