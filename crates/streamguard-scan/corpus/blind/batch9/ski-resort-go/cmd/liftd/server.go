package main

import (
	"context"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	pb "git.alpenpeak.example/resort/internal/gen/resortv1"
	"git.alpenpeak.example/resort/internal/gates"
	"git.alpenpeak.example/resort/internal/lifts"
	"git.alpenpeak.example/resort/internal/passes"
	"git.alpenpeak.example/resort/internal/skier"
)

// resortServer routes each RPC to the package that implements it.
type resortServer struct {
	pb.UnimplementedResortServer
	gates  *gates.Handler
	lifts  *lifts.Status
	feed   *skier.Feed
	passes *passes.Client
}

func (s *resortServer) GateStream(stream pb.Resort_GateStreamServer) error { return s.gates.GateStream(stream) }

func (s *resortServer) WatchLiftStatus(req *pb.WatchLiftStatusRequest, stream pb.Resort_WatchLiftStatusServer) error {
	return s.lifts.WatchLiftStatus(req, stream)
}

func (s *resortServer) SkierFeed(req *pb.SkierFeedRequest, stream pb.Resort_SkierFeedServer) error {
	return s.feed.SkierFeed(req, stream)
}

func (s *resortServer) GetPass(ctx context.Context, req *pb.GetPassRequest) (*pb.Pass, error) {
	v, err := s.passes.Validate(ctx, req.GetPassUid(), "")
	if err != nil {
		return nil, status.Errorf(codes.Unavailable, "ticketing: %v", err)
	}
	return &pb.Pass{PassUid: req.GetPassUid(), Product: v.Product, Blocked: !v.Valid}, nil
}
