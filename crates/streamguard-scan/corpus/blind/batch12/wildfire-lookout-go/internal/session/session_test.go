package session

import "testing"

func TestOfficerTowers(t *testing.T) {
	o := &Officer{Districts: []string{"north-rim"}, Towers: []string{"T-14", "T-15"}}
	if !o.HasTower("T-14") || o.HasTower("T-99") {
		t.Fatal("tower check")
	}
	if !o.HasDistrict("north-rim") || o.HasDistrict("south-fork") {
		t.Fatal("district check")
	}
}

func TestPollPeriod(t *testing.T) {
	if RevocationPoll.Seconds() < 1 {
		t.Fatal("poll too aggressive for redis")
	}
}
