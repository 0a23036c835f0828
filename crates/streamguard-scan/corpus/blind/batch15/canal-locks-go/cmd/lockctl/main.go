// lockctl exports passages to CSV for the licensing office.
package main

import (
	"context"
	"encoding/csv"
	"flag"
	"io"
	"log"
	"os"
	"strconv"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/metadata"

	"canaltrust.example/locks/gen/lockspb"
)

func main() {
	addr := flag.String("addr", "lockd.canaltrust.example:443", "")
	lock := flag.String("lock", "", "lock id")
	days := flag.Int("days", 30, "days back")
	flag.Parse()

	conn, err := grpc.NewClient(*addr, grpc.WithTransportCredentials(credentials.NewClientTLSFromCert(nil, "")))
	if err != nil {
		log.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	ctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+os.Getenv("LOCKS_TOKEN"))
	now := time.Now()
	st, err := lockspb.NewLocksClient(conn).ExportPassages(ctx, &lockspb.ExportPassagesRequest{
		LockId: *lock, FromUnix: now.AddDate(0, 0, -*days).Unix(), ToUnix: now.Unix(),
	})
	if err != nil {
		log.Fatal(err)
	}
	w := csv.NewWriter(os.Stdout)
	defer w.Flush()
	for {
		p, err := st.Recv()
		if err == io.EOF {
			return
		}
		if err != nil {
			log.Fatal(err)
		}
		_ = w.Write([]string{p.GetBoatLicence(), p.GetDirection(), strconv.FormatInt(p.GetPassedUnix(), 10)})
	}
}
