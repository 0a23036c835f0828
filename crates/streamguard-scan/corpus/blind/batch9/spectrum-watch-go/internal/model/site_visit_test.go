package model

import "testing"

func TestSiteVisitValidate(t *testing.T) {
	r := &SiteVisit{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
