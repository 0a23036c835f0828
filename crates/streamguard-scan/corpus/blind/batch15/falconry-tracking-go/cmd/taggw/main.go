// taggw runs on the field gateway: it receives LoRa frames from the backpack tags
// on stdin (one JSON line per frame) and forwards them to mewsd on one long stream.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"log"
	"os"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"

	"github.com/hawkandhood/mews/pb"
)

func main() {
	addr := flag.String("mewsd", "mewsd.hawkandhood.example:443", "")
	flag.Parse()
	conn, err := grpc.NewClient(*addr, grpc.WithTransportCredentials(credentials.NewClientTLSFromCert(nil, "")))
	if err != nil {
		log.Fatal(err)
	}
	stream, err := pb.NewMewsClient(conn).TagUplink(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		var f pb.TagFrame
		if err := json.Unmarshal(sc.Bytes(), &f); err != nil {
			log.Printf("skip frame: %v", err)
			continue
		}
		if err := stream.Send(&f); err != nil {
			log.Fatal(err)
		}
	}
	sum, err := stream.CloseAndRecv()
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("accepted %d rejected %d", sum.GetAccepted(), sum.GetRejected())
}
