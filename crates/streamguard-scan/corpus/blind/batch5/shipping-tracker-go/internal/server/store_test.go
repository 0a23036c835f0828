package server

import (
	"testing"
	"time"

	"github.com/parcelnet/tracker/internal/depot"
)

func TestLimiterSetIsSharedPerSubject(t *testing.T) {
	s := newLimiterSet(1, 1)
	if s.get("scanner-7") != s.get("scanner-7") {
		t.Fatal("same subject must get the same limiter")
	}
	if s.get("scanner-7") == s.get("scanner-8") {
		t.Fatal("different subjects must not share a limiter")
	}
}

func TestDepotCountersBacklog(t *testing.T) {
	c := depot.NewCounters()
	now := time.Now()
	c.Record("AMS1", "arrival", now)
	c.Record("AMS1", "arrival", now)
	c.Record("AMS1", "departure", now)
	in, out, backlog := c.Snapshot("AMS1", now)
	if in != 2 || out != 1 || backlog != 1 {
		t.Fatalf("got in=%d out=%d backlog=%d", in, out, backlog)
	}
}
