package ingest

import (
	"encoding/json"
	"errors"
	"io"
	"log/slog"

	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/peer"
	"google.golang.org/grpc/status"

	aisv1 "github.com/harbourlabs/ais/gen/aisv1"
)

type Server struct {
	aisv1.UnimplementedIngestServer
	rdb     *redis.Client
	limiter *PeerLimiter
	log     *slog.Logger
}

func NewServer(rdb *redis.Client, limiter *PeerLimiter, log *slog.Logger) *Server {
	return &Server{rdb: rdb, limiter: limiter, log: log}
}

func (s *Server) PushSentences(stream aisv1.Ingest_PushSentencesServer) error {
	ctx := stream.Context()
	p, ok := peer.FromContext(ctx)
	if !ok {
		return status.Error(codes.Internal, "no peer")
	}
	station := p.Addr.String()
	var accepted, rejected uint64
	for {
		msg, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return stream.SendAndClose(&aisv1.PushSummary{Accepted: accepted, Rejected: rejected})
		}
		if err != nil {
			return err
		}
		if !s.limiter.Allow(station) {
			return status.Error(codes.ResourceExhausted, "receiver is over its sentence rate")
		}
		pos, err := ParsePosition(msg.GetNmea(), msg.GetReceivedUnixMs())
		if err != nil {
			rejected++
			continue
		}
		raw, _ := json.Marshal(pos)
		if err := s.rdb.XAdd(ctx, &redis.XAddArgs{Stream: "ais:positions", MaxLen: 1_000_000, Approx: true, Values: map[string]any{"p": raw}}).Err(); err != nil {
			return status.Errorf(codes.Unavailable, "position store: %v", err)
		}
		accepted++
	}
}
