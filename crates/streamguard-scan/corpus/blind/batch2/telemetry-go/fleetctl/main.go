package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/metadata"

	"gitlab.com/voltgrid/edge/ingest/pb"
)

func main() {
	addr := flag.String("addr", "ingest.voltgrid.io:8443", "ingest address")
	site := flag.String("site", "", "site to watch")
	metric := flag.String("metric", "", "only this metric")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	ctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+os.Getenv("VOLTGRID_TOKEN"))

	conn, err := grpc.NewClient(*addr, grpc.WithTransportCredentials(credentials.NewClientTLSFromCert(nil, "")))
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	stream, err := pb.NewTelemetryClient(conn).Subscribe(ctx, &pb.SubscribeRequest{Site: *site, Metric: *metric})
	if err != nil {
		log.Fatal(err)
	}
	for {
		r, err := stream.Recv()
		if err == io.EOF || ctx.Err() != nil {
			return
		}
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%d %s %s=%g\n", r.GetUnixMs(), r.GetDeviceId(), r.GetMetric(), r.GetValue())
	}
}
