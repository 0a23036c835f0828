// pigctl follows a segment from the control room console and prints alarms.
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"os/signal"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"

	leakv1 "github.com/midstream-energy/pipeline-leak/gen/pipeline/leak/v1"
)

func main() {
	if len(os.Args) < 2 {
		log.Fatal("usage: pigctl <segment>")
	}
	conn, err := grpc.NewClient(os.Getenv("LEAKD_ADDR"), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	ctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+os.Getenv("PIGCTL_TOKEN"))
	stream, err := leakv1.NewLeakDetectionClient(conn).WatchSegment(ctx, &leakv1.WatchSegmentRequest{SegmentId: os.Args[1]})
	if err != nil {
		log.Fatal(err)
	}
	for {
		a, err := stream.Recv()
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%d %s %s kpa=%.0f imbalance=%.2f%%\n", a.UnixMs, a.SegmentId, a.Kind, a.Kpa, a.FlowImbalancePct)
	}
}
