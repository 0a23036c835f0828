package model

import "testing"

func TestAuditRecordValidate(t *testing.T) {
	r := &AuditRecord{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
