package model

import "testing"

func TestTenantValidate(t *testing.T) {
	r := &Tenant{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
