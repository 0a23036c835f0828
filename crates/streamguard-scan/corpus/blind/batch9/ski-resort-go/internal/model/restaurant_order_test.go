package model

import "testing"

func TestRestaurantOrderValidate(t *testing.T) {
	r := &RestaurantOrder{}
	if err := r.Validate(); err == nil {
		t.Fatal("expected an error for an empty id")
	}
	r.Id = "x"
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
}
