// pductl prints live outlet load of racks (for the NOC wall screen).
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"strings"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"

	pduv1 "github.com/dcops/pdu-power/gen/pdu/v1"
)

func main() {
	addr := flag.String("addr", "localhost:50500", "pdud address")
	racks := flag.String("racks", "", "comma separated rack ids")
	flag.Parse()
	conn, err := grpc.NewClient(*addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	ctx := metadata.AppendToOutgoingContext(context.Background(), "authorization", "Bearer "+os.Getenv("PDU_TOKEN"))
	stream, err := pduv1.NewPowerDistributionClient(conn).WatchOutlets(ctx, &pduv1.WatchOutletsRequest{RackIds: strings.Split(*racks, ",")})
	if err != nil {
		log.Fatal(err)
	}
	for {
		r, err := stream.Recv()
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s %s/%d %.1fA %.0fW %s\n", r.RackId, r.PduId, r.Outlet, r.Amps, r.Watts, r.State)
	}
}
