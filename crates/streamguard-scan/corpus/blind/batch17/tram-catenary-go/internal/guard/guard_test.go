package guard

import "testing"

func TestMayNeedsScopeAndSection(t *testing.T) {
	p := &Principal{Sections: []string{"S12"}, Scopes: []string{"sections:operate"}}
	if !p.May("sections:operate", "S12") {
		t.Fatal("want allowed")
	}
	if p.May("sections:operate", "S13") || p.May("sections:read", "S12") {
		t.Fatal("want denied")
	}
}
