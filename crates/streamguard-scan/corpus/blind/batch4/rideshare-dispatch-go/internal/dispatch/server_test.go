package dispatch

import (
	"context"
	"net"
	"testing"
	"time"

	dispatchv1 "github.com/ridely/dispatch/gen/dispatch/v1"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/test/bufconn"
)

// fakeSurge pushes forever; used to check client reconnection logic.
type fakeSurge struct {
	dispatchv1.UnimplementedDispatchServer
}

func (fakeSurge) WatchSurge(req *dispatchv1.SurgeRequest, stream dispatchv1.Dispatch_WatchSurgeServer) error {
	for {
		if err := stream.Send(&dispatchv1.SurgeUpdate{City: req.GetCity(), Multiplier: 1.5}); err != nil {
			return err
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestClientReceivesSurge(t *testing.T) {
	lis := bufconn.Listen(1 << 20)
	s := grpc.NewServer()
	dispatchv1.RegisterDispatchServer(s, fakeSurge{})
	go s.Serve(lis)
	defer s.Stop()

	conn, err := grpc.NewClient("passthrough:///buf",
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return lis.DialContext(ctx) }),
		grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	st, err := dispatchv1.NewDispatchClient(conn).WatchSurge(ctx, &dispatchv1.SurgeRequest{City: "lis"})
	if err != nil {
		t.Fatal(err)
	}
	u, err := st.Recv()
	if err != nil {
		t.Fatal(err)
	}
	if u.GetMultiplier() != 1.5 {
		t.Fatalf("multiplier = %v", u.GetMultiplier())
	}
}
