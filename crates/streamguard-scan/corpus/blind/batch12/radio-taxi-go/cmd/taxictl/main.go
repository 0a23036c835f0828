// taxictl prints a driver's trips since a date.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"

	taxiv1 "github.com/cabco/radio-taxi/gen/taxi/v1"
)

func main() {
	addr := flag.String("addr", "localhost:7070", "dispatchd address")
	driver := flag.String("driver", "", "driver id")
	since := flag.Duration("since", 24*time.Hour, "how far back")
	flag.Parse()

	conn, err := grpc.NewClient(*addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	ctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+os.Getenv("TAXI_TOKEN"))
	st, err := taxiv1.NewDispatchClient(conn).TripHistory(ctx, &taxiv1.TripHistoryRequest{DriverId: *driver, SinceUnix: time.Now().Add(-*since).Unix()})
	if err != nil {
		log.Fatal(err)
	}
	for {
		t, err := st.Recv()
		if err == io.EOF {
			return
		}
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s\t%s -> %s\t%d.%02d\n", time.Unix(t.AtUnix, 0).Format(time.RFC3339), t.Pickup, t.Dropoff, t.FareCents/100, t.FareCents%100)
	}
}
