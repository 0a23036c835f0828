// gatectl replays a day of recorded scans against a test liftd.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"

	pb "git.alpenpeak.example/resort/internal/gen/resortv1"
)

func main() {
	addr := flag.String("addr", "localhost:8700", "liftd address")
	file := flag.String("scans", "scans.jsonl", "recorded scans")
	flag.Parse()
	conn, err := grpc.Dial(*addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	ctx := metadata.AppendToOutgoingContext(context.Background(), "x-gate-token", os.Getenv("GATE_TOKEN"))
	stream, err := pb.NewResortClient(conn).GateStream(ctx)
	if err != nil {
		log.Fatal(err)
	}
	f, err := os.Open(*file)
	if err != nil {
		log.Fatal(err)
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var s pb.GateScan
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			continue
		}
		if err := stream.Send(&s); err != nil {
			log.Fatal(err)
		}
		d, err := stream.Recv()
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s\t%v\t%s\n", d.GetScanId(), d.GetOpen(), d.GetReason())
	}
	_ = stream.CloseSend()
}
