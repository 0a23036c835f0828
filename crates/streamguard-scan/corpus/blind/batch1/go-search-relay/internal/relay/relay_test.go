package relay

import (
	"context"
	"testing"
	"time"

	"google.golang.org/grpc"

	"github.com/acme/search-relay/pkg/pb"
)

type slowShard struct{ d time.Duration }

func (s slowShard) Query(ctx context.Context, q string, k int) ([]*pb.Hit, error) {
	select {
	case <-time.After(s.d):
		return []*pb.Hit{{Id: q, Score: 1}}, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

type collect struct {
	grpc.ServerStream
	ctx  context.Context
	hits []*pb.Hit
}

func (c *collect) Context() context.Context { return c.ctx }
func (c *collect) Send(h *pb.Hit) error {
	c.hits = append(c.hits, h)
	return nil
}

func TestSearchDropsSlowShards(t *testing.T) {
	s := New([]Shard{slowShard{10 * time.Millisecond}, slowShard{5 * time.Second}}, nil, nil, nil)
	c := &collect{ctx: context.Background()}
	start := time.Now()
	if err := s.Search(&pb.SearchRequest{Query: "q"}, c); err != nil {
		t.Fatal(err)
	}
	if time.Since(start) > 2*time.Second {
		t.Fatal("slow shard was waited for")
	}
	if len(c.hits) != 1 {
		t.Fatalf("hits = %d", len(c.hits))
	}
}
