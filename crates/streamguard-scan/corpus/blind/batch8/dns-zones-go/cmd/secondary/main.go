// secondary follows zones from zoned and writes them as RFC 1035 files for
// the authoritative servers (NSD) on this host, reloading NSD on change.
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"

	zonesv1 "git.hostmesh.net/dns/zones/gen/zonesv1"
)

func follow(ctx context.Context, client zonesv1.ZonesClient, zone, dir string) error {
	stream, err := client.TransferZone(ctx, &zonesv1.TransferRequest{Zone: zone})
	if err != nil {
		return err
	}
	f, err := os.Create(filepath.Join(dir, zone+"zone"))
	if err != nil {
		return err
	}
	for {
		rr, err := stream.Recv()
		if err != nil {
			break
		}
		fmt.Fprintf(f, "%s\t%d\tIN\t%s\t%s\n", rr.GetName(), rr.GetTtl(), rr.GetType(), rr.GetRdata())
	}
	f.Close()
	_ = exec.Command("nsd-control", "reload", zone).Run()
	watch, err := client.WatchZone(ctx, &zonesv1.WatchZoneRequest{Zone: zone})
	if err != nil {
		return err
	}
	for {
		d, err := watch.Recv()
		if err != nil {
			return err
		}
		log.Printf("%s serial %d: -%d +%d", zone, d.GetSerial(), len(d.GetRemoved()), len(d.GetAdded()))
		_ = exec.Command("nsd-control", "reload", zone).Run()
	}
}

func main() {
	conn, err := grpc.NewClient(os.Getenv("ZONED_ADDR"), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	client := zonesv1.NewZonesClient(conn)
	for _, zone := range os.Args[1:] {
		go func(zone string) {
			for {
				ctx := metadata.AppendToOutgoingContext(context.Background(), "authorization", "Bearer "+os.Getenv("SECONDARY_TOKEN"))
				if err := follow(ctx, client, zone, "/var/lib/nsd/zones"); err != nil {
					log.Printf("%s: %v; retrying", zone, err)
				}
				time.Sleep(5 * time.Second)
			}
		}(zone)
	}
	select {}
}
