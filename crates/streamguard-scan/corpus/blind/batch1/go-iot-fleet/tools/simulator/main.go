// Command simulator drives a fleet of fake devices against fleetd.
package main

import (
	"context"
	"flag"
	"log"
	"math/rand"
	"sync"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"

	fleetpb "github.com/fleetops/fleetd/proto"
)

func runDevice(ctx context.Context, client fleetpb.FleetClient, token string, n int) error {
	ctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+token)
	up, err := client.Upload(ctx)
	if err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		if err := up.Send(&fleetpb.Sample{Metric: "temp", Value: 20 + rand.Float64()*5, TsUnixMs: time.Now().UnixMilli()}); err != nil {
			return err
		}
	}
	_, err = up.CloseAndRecv()
	return err
}

func main() {
	target := flag.String("target", "localhost:8443", "fleetd address")
	devices := flag.Int("devices", 50, "number of devices")
	samples := flag.Int("samples", 1000, "samples per device")
	token := flag.String("token", "", "device token")
	flag.Parse()

	conn, err := grpc.NewClient(*target, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	client := fleetpb.NewFleetClient(conn)

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var wg sync.WaitGroup
	for d := 0; d < *devices; d++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := runDevice(ctx, client, *token, *samples); err != nil {
				log.Printf("device: %v", err)
			}
		}()
	}
	wg.Wait()
}
