package server

import (
	"context"
	"net"
	"testing"
	"time"

	"github.com/playbook/livefeed/api/livefeedpb"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/test/bufconn"
)

type tickerFeed struct {
	livefeedpb.UnimplementedLiveFeedServer
}

func (tickerFeed) WatchLeague(req *livefeedpb.WatchLeagueRequest, stream livefeedpb.LiveFeed_WatchLeagueServer) error {
	t := time.NewTicker(5 * time.Millisecond)
	defer t.Stop()
	for range t.C {
		_ = stream.Send(&livefeedpb.LeagueUpdate{LeagueId: req.GetLeagueId(), Kind: "tick"})
	}
	return nil
}

func TestClientSeesTicks(t *testing.T) {
	lis := bufconn.Listen(1 << 20)
	srv := grpc.NewServer()
	livefeedpb.RegisterLiveFeedServer(srv, tickerFeed{})
	go srv.Serve(lis)
	defer srv.Stop()

	conn, err := grpc.NewClient("passthrough:///buf",
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return lis.DialContext(ctx) }),
		grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()

	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	stream, err := livefeedpb.NewLiveFeedClient(conn).WatchLeague(ctx, &livefeedpb.WatchLeagueRequest{LeagueId: "epl"})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		if _, err := stream.Recv(); err != nil {
			t.Fatalf("recv %d: %v", i, err)
		}
	}
}
