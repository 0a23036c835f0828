package model

import "testing"

func TestNoticeValidate(t *testing.T) {
	r := &Notice{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
