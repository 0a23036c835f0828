// membranectl prints a train's permeate samples as CSV (for the membrane
// vendor's warranty reports).
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

	"example.org/desal/gen/desalpb"
)

func main() {
	addr := flag.String("addr", "plantd.desal-plant.example:7070", "plantd address")
	train := flag.String("train", "RO-1", "train id")
	days := flag.Int("days", 30, "days back")
	flag.Parse()

	cc, err := grpc.NewClient(*addr, grpc.WithTransportCredentials(credentials.NewClientTLSFromCert(nil, "")))
	if err != nil {
		log.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	ctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+os.Getenv("PLANT_TOKEN"))
	client := desalpb.NewDesalinationClient(cc)
	now := time.Now()
	st, err := client.ExportPermeate(ctx, &desalpb.ExportRequest{TrainId: *train, FromUnix: now.AddDate(0, 0, -*days).Unix(), ToUnix: now.Unix()})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("unix_s,tds_mg_l,boron_mg_l")
	for {
		p, err := st.Recv()
		if err == io.EOF {
			return
		}
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%d,%.1f,%.3f\n", p.UnixS, p.TdsMgL, p.BoronMgL)
	}
}
