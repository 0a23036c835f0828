package model

import "testing"

func TestSkiSchoolClassValidate(t *testing.T) {
	r := &SkiSchoolClass{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
