// Command replaytool prints the juridical recorder for a window, for incident reports.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/metadata"

	railsignalv1 "gitlab.nordrail.example/signalling/railsignal/gen/railsignal/v1"
)

func main() {
	addr := flag.String("addr", "railsignal.area3.nordrail.example:9440", "gateway")
	section := flag.String("section", "", "section id")
	from := flag.String("from", "", "RFC 3339 start")
	dur := flag.Duration("for", time.Hour, "window length")
	flag.Parse()
	start, err := time.Parse(time.RFC3339, *from)
	if err != nil || *section == "" {
		fmt.Fprintln(os.Stderr, "usage: replaytool -section S -from 2024-05-01T10:00:00Z [-for 1h]")
		os.Exit(2)
	}
	conn, err := grpc.NewClient(*addr, grpc.WithTransportCredentials(credentials.NewClientTLSFromCert(nil, "")))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	ctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+os.Getenv("RAILSIGNAL_TOKEN"))
	st, err := railsignalv1.NewInterlockingClient(conn).ReplayLog(ctx, &railsignalv1.ReplayLogRequest{
		SectionId: *section, FromUnixMs: start.UnixMilli(), ToUnixMs: start.Add(*dur).UnixMilli(),
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for {
		e, err := st.Recv()
		if err == io.EOF {
			return
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("%s %-12s %s\n", time.UnixMilli(e.UnixMs).UTC().Format(time.RFC3339Nano), e.Source, e.Text)
	}
}
