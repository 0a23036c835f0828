package server

import (
	"testing"

	"github.com/forgeci/controller/gen/runnerpb"
)

func TestRequeueReturnsRunningJobs(t *testing.T) {
	s := NewState()
	s.jobs["j1"] = &jobState{job: &runnerpb.Job{Id: "j1", Status: "running"}, pool: "linux", runner: "r1"}
	s.jobs["j2"] = &jobState{job: &runnerpb.Job{Id: "j2", Status: "running"}, pool: "linux", runner: "r2"}

	s.Requeue("r1")

	select {
	case j := <-s.Queue("linux"):
		if j.GetId() != "j1" {
			t.Fatalf("requeued %s, want j1", j.GetId())
		}
	default:
		t.Fatal("nothing requeued")
	}
	if got := s.AssignedTo("j2"); got != "r2" {
		t.Fatalf("j2 assigned to %q", got)
	}
}

func TestAppendLogFansOut(t *testing.T) {
	s := NewState()
	s.jobs["j1"] = &jobState{job: &runnerpb.Job{Id: "j1"}}
	_, ch, cancel := s.SubscribeLogs("j1")
	defer cancel()
	s.AppendLog("j1", []byte("hello"))
	if string(<-ch) != "hello" {
		t.Fatal("no fanout")
	}
}
