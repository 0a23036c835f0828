// aisctl prints live positions in a bounding box, or a vessel's particulars.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/metadata"

	aisv1 "github.com/harbourlabs/ais/gen/aisv1"
)

func main() {
	addr := flag.String("addr", "api.harbourlabs.io:443", "server")
	box := flag.String("box", "", "minLat,minLon,maxLat,maxLon")
	mmsi := flag.Uint("mmsi", 0, "look up one vessel")
	flag.Parse()

	conn, err := grpc.NewClient(*addr, grpc.WithTransportCredentials(credentials.NewClientTLSFromCert(nil, "")))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	client := aisv1.NewVesselsClient(conn)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	ctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+os.Getenv("AIS_TOKEN"))

	if *mmsi != 0 {
		cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		v, err := client.GetVessel(cctx, &aisv1.GetVesselRequest{Mmsi: uint32(*mmsi)})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("%d %s %s %s %dm\n", v.GetMmsi(), v.GetName(), v.GetCallsign(), v.GetFlag(), v.GetLengthM())
		return
	}
	var r aisv1.TrackRequest
	if _, err := fmt.Sscanf(*box, "%f,%f,%f,%f", &r.MinLat, &r.MinLon, &r.MaxLat, &r.MaxLon); err != nil {
		fmt.Fprintln(os.Stderr, "bad -box:", err)
		os.Exit(2)
	}
	stream, err := client.TrackVessels(ctx, &r)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for {
		p, err := stream.Recv()
		if err == io.EOF || ctx.Err() != nil {
			return
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("%d\t%.5f\t%.5f\t%.1fkn\t%s\n", p.GetMmsi(), p.GetLat(), p.GetLon(), p.GetSogKnots(), p.GetName())
	}
}
