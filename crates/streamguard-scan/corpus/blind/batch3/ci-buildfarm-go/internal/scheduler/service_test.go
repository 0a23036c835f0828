package scheduler

import (
	"testing"

	"github.com/forge-ci/buildfarm/gen/forgepb"
)

func TestCompleteClosesWatchers(t *testing.T) {
	q := NewQueue()
	q.Enqueue("operations/a", "default", &forgepb.Digest{Hash: "abc", SizeBytes: 3})
	ch, stop, ok := q.Watch("operations/a")
	if !ok {
		t.Fatal("watch failed")
	}
	defer stop()
	<-ch // initial snapshot
	if !q.Complete("operations/a", &forgepb.ActionResult{ActionId: "operations/a", ExitCode: 0}) {
		t.Fatal("complete returned false")
	}
	var last *forgepb.Operation
	for u := range ch {
		last = u
	}
	if last == nil || !last.GetDone() {
		t.Fatalf("expected a done snapshot, got %v", last)
	}
}

func TestCompleteTwiceIsRejected(t *testing.T) {
	q := NewQueue()
	q.Enqueue("operations/b", "default", nil)
	q.Complete("operations/b", &forgepb.ActionResult{})
	if q.Complete("operations/b", &forgepb.ActionResult{}) {
		t.Fatal("second completion accepted")
	}
}
