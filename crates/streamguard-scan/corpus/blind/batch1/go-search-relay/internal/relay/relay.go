package relay

import (
	"context"
	"errors"
	"io"
	"sort"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"golang.org/x/sync/errgroup"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/acme/search-relay/pkg/pb"
)

const (
	shardBudget   = 800 * time.Millisecond
	suggestBudget = 300 * time.Millisecond
	maxHits       = 100
)

var suggestionsSent = prometheus.NewCounter(prometheus.CounterOpts{
	Name: "relay_suggestions_sent_total",
	Help: "Suggestion batches sent to clients.",
})

func init() { prometheus.MustRegister(suggestionsSent) }

// Shard is one index partition.
type Shard interface {
	Query(ctx context.Context, q string, k int) ([]*pb.Hit, error)
}

// Suggester returns completions for a prefix.
type Suggester interface {
	Complete(ctx context.Context, prefix string) ([]string, error)
}

// Changes streams index change events.
type Changes interface {
	Subscribe(ctx context.Context, index string) (<-chan *pb.IndexEvent, error)
}

type Server struct {
	pb.UnimplementedRelayServer

	shards    []Shard
	suggester Suggester
	changes   Changes
	docs      DocStore
}

func New(shards []Shard, s Suggester, c Changes, d DocStore) *Server {
	return &Server{shards: shards, suggester: s, changes: c, docs: d}
}

func (s *Server) Search(req *pb.SearchRequest, stream pb.Relay_SearchServer) error {
	ctx, cancel := context.WithTimeout(stream.Context(), shardBudget)
	defer cancel()

	results := make([][]*pb.Hit, len(s.shards))
	g, gctx := errgroup.WithContext(ctx)
	for i, sh := range s.shards {
		g.Go(func() error {
			hits, err := sh.Query(gctx, req.GetQuery(), maxHits)
			if err != nil {
				return nil
			}
			results[i] = hits
			return nil
		})
	}
	_ = g.Wait()

	var merged []*pb.Hit
	for _, r := range results {
		merged = append(merged, r...)
	}
	sort.Slice(merged, func(i, j int) bool { return merged[i].GetScore() > merged[j].GetScore() })
	if len(merged) > maxHits {
		merged = merged[:maxHits]
	}
	for _, h := range merged {
		if err := stream.Send(h); err != nil {
			return err
		}
	}
	return nil
}

func (s *Server) Suggest(stream pb.Relay_SuggestServer) error {
	ctx := stream.Context()
	var sent int
	defer func() { suggestionsSent.Add(float64(sent)) }()
	for {
		ks, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		qctx, cancel := context.WithTimeout(ctx, suggestBudget)
		completions, err := s.suggester.Complete(qctx, ks.GetPrefix())
		cancel()
		if err != nil && status.Code(err) != codes.DeadlineExceeded {
			return err
		}
		if err := stream.Send(&pb.Suggestions{Seq: ks.GetSeq(), Items: completions}); err != nil {
			return err
		}
		sent++
	}
}

func (s *Server) Watch(req *pb.WatchRequest, stream pb.Relay_WatchServer) error {
	ctx := stream.Context()
	events, err := s.changes.Subscribe(ctx, req.GetIndex())
	if err != nil {
		return status.Errorf(codes.Unavailable, "subscribe: %v", err)
	}
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case ev, ok := <-events:
			if !ok {
				return nil
			}
			if err := stream.Send(ev); err != nil {
				return err
			}
		}
	}
}
