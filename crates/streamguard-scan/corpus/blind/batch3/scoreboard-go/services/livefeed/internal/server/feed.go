package server

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/playbook/livefeed/api/livefeedpb"
	"github.com/playbook/livefeed/internal/auth"
	"github.com/playbook/livefeed/internal/statsclient"
	"github.com/playbook/livefeed/internal/store"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

type Server struct {
	livefeedpb.UnimplementedLiveFeedServer

	feed    *store.Feed
	stats   *statsclient.Client
	matches MatchDirectory
}

type MatchDirectory interface {
	Get(ctx context.Context, id string) (*livefeedpb.Match, error)
}

func New(feed *store.Feed, stats *statsclient.Client, matches MatchDirectory) *Server {
	return &Server{feed: feed, stats: stats, matches: matches}
}

func (s *Server) GetMatch(ctx context.Context, req *livefeedpb.GetMatchRequest) (*livefeedpb.Match, error) {
	return s.matches.Get(ctx, req.GetMatchId())
}

func (s *Server) WatchMatch(req *livefeedpb.WatchMatchRequest, stream livefeedpb.LiveFeed_WatchMatchServer) error {
	ctx := stream.Context()
	if _, ok := auth.FromContext(ctx); !ok {
		return status.Error(codes.Unauthenticated, "no claims")
	}
	events := s.feed.Subscribe(ctx, "match:"+req.GetMatchId())
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case ev, ok := <-events:
			if !ok {
				return nil
			}
			err := stream.Send(&livefeedpb.MatchEvent{
				MatchId:    ev.MatchID,
				Kind:       ev.Kind,
				Minute:     ev.Minute,
				PlayerId:   ev.PlayerID,
				PlayerName: ev.PlayerName,
				HomeScore:  ev.Home,
				AwayScore:  ev.Away,
			})
			if err != nil {
				return err
			}
			if ev.Kind == "full_time" {
				return nil
			}
		}
	}
}

func (s *Server) WatchLeague(req *livefeedpb.WatchLeagueRequest, stream livefeedpb.LiveFeed_WatchLeagueServer) error {
	ctx := stream.Context()
	events := s.feed.Subscribe(ctx, "league:"+req.GetLeagueId())
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-events:
			if !ok {
				return nil
			}
			update := &livefeedpb.LeagueUpdate{
				LeagueId:  req.GetLeagueId(),
				MatchId:   ev.MatchID,
				Kind:      ev.Kind,
				HomeScore: ev.Home,
				AwayScore: ev.Away,
			}
			if ev.Kind == "goal" && ev.PlayerID != "" {
				name, err := s.stats.PlayerName(context.Background(), ev.PlayerID)
				if err != nil {
					slog.Warn("player lookup failed", "player", ev.PlayerID, "err", err)
					name = fmt.Sprintf("#%s", ev.PlayerID)
				}
				update.Scorer = name
			}
			if err := stream.Send(update); err != nil {
				return err
			}
		}
	}
}
