package main

import (
	"testing"
	"time"

	"lobby.arcadia.gg/platform/pkg/session"
)

func TestTicketRoomCoverage(t *testing.T) {
	tk := session.Ticket{Player: "p1", Expiry: time.Now().Add(time.Hour), Rooms: []string{"eu-1", "eu-2"}}
	if !tk.MayEnter("eu-1") || tk.MayEnter("us-1") {
		t.Fatal("room coverage wrong")
	}
}

func TestExpiredTicketRejected(t *testing.T) {
	if _, err := session.Parse([]byte("k"), "p1.1.eu-1.deadbeef"); err == nil {
		t.Fatal("expected rejection")
	}
}
