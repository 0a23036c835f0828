// smsctl: tail delivery reports or list messages for an API key.
//
//	SMSGW_KEY=... smsctl dlr
//	SMSGW_KEY=... smsctl list -from 2024-06-01 -to 2024-06-02
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"

	smsv1 "github.com/relaytel/smsgw/gen/smsv1"
)

func main() {
	addr := flag.String("addr", "localhost:7070", "gateway address")
	from := flag.String("from", "", "start date (YYYY-MM-DD)")
	to := flag.String("to", "", "end date (YYYY-MM-DD)")
	flag.Parse()
	conn, err := grpc.NewClient(*addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	client := smsv1.NewMessagingClient(conn)
	ctx := metadata.AppendToOutgoingContext(context.Background(), "authorization", "ApiKey "+os.Getenv("SMSGW_KEY"))
	switch flag.Arg(0) {
	case "dlr":
		stream, err := client.WatchDeliveryReports(ctx, &smsv1.WatchDlrRequest{})
		if err != nil {
			log.Fatal(err)
		}
		for {
			r, err := stream.Recv()
			if err != nil {
				log.Fatal(err)
			}
			fmt.Printf("%s\t%s\t%s\n", r.GetMessageId(), r.GetStatus(), r.GetCarrier())
		}
	case "list":
		f, _ := time.Parse("2006-01-02", *from)
		t, _ := time.Parse("2006-01-02", *to)
		ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
		defer cancel()
		stream, err := client.ListMessages(ctx, &smsv1.ListMessagesRequest{FromUnixMs: f.UnixMilli(), ToUnixMs: t.UnixMilli()})
		if err != nil {
			log.Fatal(err)
		}
		for {
			m, err := stream.Recv()
			if err != nil {
				return
			}
			fmt.Printf("%s\t%s\t%s\t%s\n", m.GetMessageId(), m.GetSenderId(), m.GetTo(), m.GetStatus())
		}
	default:
		fmt.Fprintln(os.Stderr, "usage: smsctl dlr | list -from DATE -to DATE")
		os.Exit(2)
	}
}
