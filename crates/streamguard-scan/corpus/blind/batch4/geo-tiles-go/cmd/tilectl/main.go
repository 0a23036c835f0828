// Command tilectl watches a tile from the command line (debugging aid).
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"

	"example.com/geotiles/gen/tilesv1"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
)

func main() {
	addr := flag.String("addr", "localhost:9090", "tilesd address")
	layer := flag.String("layer", "pub-roads", "layer id")
	z := flag.Int("z", 12, "zoom")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	ctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+os.Getenv("TILES_TOKEN"))

	cc, err := grpc.NewClient(*addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	defer cc.Close()
	st, err := tilesv1.NewTilesClient(cc).WatchTiles(ctx, &tilesv1.WatchTilesRequest{LayerId: *layer, Zoom: int32(*z)})
	if err != nil {
		log.Fatal(err)
	}
	for {
		u, err := st.Recv()
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("v%d %d bytes\n", u.GetVersion(), len(u.GetPng()))
	}
}
