// recipectl approves a list of recipes on a tool in one RecipeSession.
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"

	toolmonv1 "fab.example.com/toolmon/gen/fab/toolmon/v1"
)

func main() {
	if len(os.Args) < 3 {
		log.Fatal("usage: recipectl <tool> <recipe>...")
	}
	conn, err := grpc.NewClient(os.Getenv("TOOLMON_ADDR"), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	ctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+os.Getenv("RECIPECTL_TOKEN"))
	stream, err := toolmonv1.NewToolMonitorClient(conn).RecipeSession(ctx)
	if err != nil {
		log.Fatal(err)
	}
	for i, r := range os.Args[2:] {
		if err := stream.Send(&toolmonv1.RecipeOp{OpId: fmt.Sprint(i), ToolId: os.Args[1], Recipe: r, Action: "APPROVE"}); err != nil {
			log.Fatal(err)
		}
		res, err := stream.Recv()
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(r, res.GetOk(), res.GetError())
	}
	stream.CloseSend()
}
