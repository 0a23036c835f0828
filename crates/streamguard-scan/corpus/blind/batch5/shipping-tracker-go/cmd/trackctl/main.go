// trackctl follows a parcel from the command line.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"

	pb "github.com/parcelnet/tracker/gen/trackingv1"
)

func main() {
	addr := flag.String("addr", "localhost:7070", "trackerd address")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: trackctl [-addr host:port] <parcel-id>")
		os.Exit(2)
	}
	conn, err := grpc.NewClient(*addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer conn.Close()
	ctx := metadata.AppendToOutgoingContext(context.Background(), "authorization", "Bearer "+os.Getenv("TRACKER_TOKEN"))
	stream, err := pb.NewTrackingClient(conn).TrackParcel(ctx, &pb.TrackRequest{ParcelId: flag.Arg(0)})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for {
		ev, err := stream.Recv()
		if err == io.EOF {
			return
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("%s  %-12s %s\n", time.Unix(ev.AtUnix, 0).Format(time.RFC3339), ev.Status, ev.Location)
	}
}
