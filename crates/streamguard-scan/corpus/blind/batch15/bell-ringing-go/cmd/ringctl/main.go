// ringctl lists peals and watches a tower from the command line.
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
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/metadata"

	"github.com/stmarys-ringers/belltower/gen/bellpb"
)

func main() {
	addr := flag.String("addr", "belld.guild.example:443", "belld address")
	tower := flag.String("tower", "st-marys", "tower id")
	year := flag.Int("year", time.Now().Year(), "year for peals")
	watch := flag.Bool("watch", false, "watch bell positions")
	flag.Parse()

	conn, err := grpc.NewClient(*addr, grpc.WithTransportCredentials(credentials.NewClientTLSFromCert(nil, "")))
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	c := bellpb.NewTowerClient(conn)
	ctx := metadata.AppendToOutgoingContext(context.Background(), "authorization", "Bearer "+os.Getenv("RINGER_TOKEN"))

	if *watch {
		st, err := c.WatchTower(ctx, &bellpb.WatchTowerRequest{TowerId: *tower})
		if err != nil {
			log.Fatal(err)
		}
		for {
			b, err := st.Recv()
			if err != nil {
				log.Fatal(err)
			}
			fmt.Printf("bell %d %s\n", b.GetBell(), b.GetPosition())
		}
	}

	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	st, err := c.ListPeals(ctx, &bellpb.ListPealsRequest{TowerId: *tower, Year: int32(*year)})
	if err != nil {
		log.Fatal(err)
	}
	for {
		p, err := st.Recv()
		if err == io.EOF {
			return
		}
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s %d changes, cond. %s\n", p.GetMethod(), p.GetChanges(), p.GetConductor())
	}
}
