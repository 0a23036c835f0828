package session

import "testing"

func TestHasRole(t *testing.T) {
	s := &Session{Roles: []string{"vet"}}
	if !s.Has("vet") || s.Has("shelter") {
		t.Fatal("role check wrong")
	}
}
