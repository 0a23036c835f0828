package relay

import (
	"context"
	"time"

	"github.com/acme/search-relay/pkg/pb"
)

// DocStore fetches a document by id from one of several replicas.
type DocStore interface {
	Replicas() int
	Get(ctx context.Context, replica int, id string) (*pb.Document, error)
}

const hedgeAfter = 50 * time.Millisecond

// Lookup is unary: it asks a second replica if the first is slow.
func (s *Server) Lookup(ctx context.Context, req *pb.LookupRequest) (*pb.Document, error) {
	type result struct {
		doc *pb.Document
		err error
	}
	out := make(chan result, 2)
	ask := func(replica int) {
		cctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		d, err := s.docs.Get(cctx, replica, req.GetId())
		out <- result{d, err}
	}
	go ask(0)
	select {
	case r := <-out:
		return r.doc, r.err
	case <-time.After(hedgeAfter):
	}
	if s.docs.Replicas() > 1 {
		go ask(1)
	}
	select {
	case r := <-out:
		return r.doc, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
