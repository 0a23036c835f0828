package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/agentops/mcpd/gen/mcpv1"
	"github.com/spf13/cobra"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"google.golang.org/protobuf/types/known/structpb"
)

func client(target string) (*grpc.ClientConn, error) {
	return grpc.NewClient(target, grpc.WithTransportCredentials(insecure.NewCredentials()))
}

func withToken(ctx context.Context) context.Context {
	return metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+os.Getenv("MCPD_TOKEN"))
}

func main() {
	var target string
	root := &cobra.Command{Use: "mcpctl"}
	root.PersistentFlags().StringVar(&target, "target", "localhost:50051", "mcpd address")

	root.AddCommand(&cobra.Command{
		Use:  "call TOOL JSON_ARGS",
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			conn, err := client(target)
			if err != nil {
				return err
			}
			defer conn.Close()
			var m map[string]any
			if err := json.Unmarshal([]byte(args[1]), &m); err != nil {
				return err
			}
			s, _ := structpb.NewStruct(m)
			ctx, cancel := context.WithTimeout(withToken(cmd.Context()), time.Minute)
			defer cancel()
			stream, err := mcpv1.NewMcpStreamingClient(conn).CallToolWithProgress(ctx, &mcpv1.CallToolRequest{Name: args[0], Arguments: s})
			if err != nil {
				return err
			}
			for {
				ev, err := stream.Recv()
				if err != nil {
					return nil
				}
				fmt.Println(ev.String())
			}
		},
	})

	root.AddCommand(&cobra.Command{
		Use:  "watch URI",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			conn, err := client(target)
			if err != nil {
				return err
			}
			defer conn.Close()
			stream, err := mcpv1.NewMcpStreamingClient(conn).WatchResource(withToken(cmd.Context()), &mcpv1.WatchResourceRequest{Uri: args[0], IntervalMs: 2000})
			if err != nil {
				return err
			}
			for {
				u, err := stream.Recv()
				if err != nil {
					return err
				}
				fmt.Printf("#%d %s\n%s\n", u.GetSeq(), u.GetUri(), u.GetText())
			}
		},
	})

	if err := root.Execute(); err != nil {
		os.Exit(1)
	}
}
