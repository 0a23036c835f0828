package model

import "testing"

func TestFieldEngineerValidate(t *testing.T) {
	r := &FieldEngineer{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
