package model

import "testing"

func TestAvalancheBulletinValidate(t *testing.T) {
	r := &AvalancheBulletin{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
