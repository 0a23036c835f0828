// cablectl prints the live status of a segment.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"

	"github.com/oceanlink/cablemon/gen/cablepb"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
)

func main() {
	addr := flag.String("addr", "localhost:50160", "cabled address")
	seg := flag.String("segment", "", "segment id")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	ctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+os.Getenv("NOC_TOKEN"))

	conn, err := grpc.NewClient(*addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	stream, err := cablepb.NewCableMonitorClient(conn).WatchSegment(ctx, &cablepb.WatchSegmentRequest{SegmentId: *seg})
	if err != nil {
		log.Fatal(err)
	}
	for {
		st, err := stream.Recv()
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s  %6.2f°C  %8.1fµε  %5.2f dB  %s\n", st.SegmentId, st.MaxTempC, st.StrainMicrostrain, st.OpticalLossDb, st.State)
	}
}
