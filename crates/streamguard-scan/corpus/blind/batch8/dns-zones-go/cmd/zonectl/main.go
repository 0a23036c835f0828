// zonectl applies a change set file to a zone.
//
//	zonectl apply example.com. changes.json
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"

	zonesv1 "git.hostmesh.net/dns/zones/gen/zonesv1"
)

func main() {
	if len(os.Args) != 4 || os.Args[1] != "apply" {
		fmt.Fprintln(os.Stderr, "usage: zonectl apply ZONE FILE.json")
		os.Exit(2)
	}
	raw, err := os.ReadFile(os.Args[3])
	if err != nil {
		log.Fatal(err)
	}
	var sets []*zonesv1.ChangeSet
	if err := json.Unmarshal(raw, &sets); err != nil {
		log.Fatalf("%s: %v", os.Args[3], err)
	}
	conn, err := grpc.NewClient(os.Getenv("ZONED_ADDR"), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	ctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+os.Getenv("ZONES_TOKEN"))
	stream, err := zonesv1.NewZonesClient(conn).ApplyChanges(ctx)
	if err != nil {
		log.Fatal(err)
	}
	for i, cs := range sets {
		cs.Zone = os.Args[2]
		cs.RequestId = fmt.Sprint(i)
		if err := stream.Send(cs); err != nil {
			log.Fatal(err)
		}
		res, err := stream.Recv()
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s\t%s\tserial=%d %s\n", res.GetRequestId(), res.GetStatus(), res.GetSerial(), res.GetError())
	}
	_ = stream.CloseSend()
}
