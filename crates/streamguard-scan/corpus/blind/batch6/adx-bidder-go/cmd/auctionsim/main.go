// Command auctionsim replays recorded bid logs against a bidder, as a DSP
// would, to test pacing changes before they ship.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"

	adxv1 "github.com/lumenads/adx-bidder/gen/adx/v1"
)

func main() {
	addr := flag.String("addr", "localhost:7100", "bidder address")
	file := flag.String("bids", "bids.jsonl", "recorded bids, one JSON object per line")
	rate := flag.Int("rate", 500, "bids per second")
	flag.Parse()

	token := os.Getenv("ADX_TOKEN")
	if token == "" {
		fmt.Fprintln(os.Stderr, "auctionsim: set ADX_TOKEN to a partner token for the seats in the log")
		os.Exit(2)
	}
	conn, err := grpc.NewClient(*addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer conn.Close()

	ctx := metadata.AppendToOutgoingContext(context.Background(), "authorization", "Bearer "+token)
	stream, err := adxv1.NewExchangeClient(conn).BidStream(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}

	f, err := os.Open(*file)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()

	done := make(chan struct{})
	accepted, total := 0, 0
	go func() {
		defer close(done)
		for {
			ack, err := stream.Recv()
			if err == io.EOF || err != nil {
				return
			}
			total++
			if ack.Accepted {
				accepted++
			}
		}
	}()

	tick := time.NewTicker(time.Second / time.Duration(*rate))
	defer tick.Stop()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var b adxv1.Bid
		if err := json.Unmarshal(sc.Bytes(), &b); err != nil {
			continue
		}
		<-tick.C
		if err := stream.Send(&b); err != nil {
			break
		}
	}
	stream.CloseSend()
	<-done
	fmt.Printf("%d acks, %d accepted\n", total, accepted)
}
