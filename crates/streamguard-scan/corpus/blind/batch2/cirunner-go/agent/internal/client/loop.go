package client

import (
	"context"
	"io"
	"log"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"

	"github.com/forgeci/controller/gen/runnerpb"
)

// Run keeps an attached Connect stream to the controller and reconnects with backoff.
func Run(ctx context.Context, addr, token string) error {
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return err
	}
	defer conn.Close()
	cli := runnerpb.NewControllerClient(conn)

	backoff := time.Second
	for ctx.Err() == nil {
		sctx := metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+token)
		if err := session(sctx, cli); err != nil {
			log.Printf("session ended: %v (retry in %s)", err, backoff)
		}
		select {
		case <-ctx.Done():
		case <-time.After(backoff):
		}
		if backoff < 30*time.Second {
			backoff *= 2
		}
	}
	return nil
}

func session(ctx context.Context, cli runnerpb.ControllerClient) error {
	stream, err := cli.Connect(ctx)
	if err != nil {
		return err
	}
	go func() {
		t := time.NewTicker(10 * time.Second)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				_ = stream.Send(&runnerpb.AgentEvent{Event: &runnerpb.AgentEvent_Heartbeat{Heartbeat: &runnerpb.Heartbeat{UnixMs: time.Now().UnixMilli()}}})
			}
		}
	}()
	for {
		cmd, err := stream.Recv()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if job := cmd.GetRun(); job != nil {
			log.Printf("received job %s (%s@%s)", job.GetId(), job.GetRepo(), job.GetSha())
		}
	}
}
