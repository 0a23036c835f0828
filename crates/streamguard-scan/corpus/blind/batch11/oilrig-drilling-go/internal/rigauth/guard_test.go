package rigauth

import "testing"

func TestHasWell(t *testing.T) {
	c := &Claims{Wells: []string{"NO-15/9-F-12", "NO-15/9-F-14"}}
	if !c.HasWell("NO-15/9-F-14") {
		t.Fatal("expected well")
	}
	if c.HasWell("NO-15/9-F-1") {
		t.Fatal("unexpected well")
	}
}
