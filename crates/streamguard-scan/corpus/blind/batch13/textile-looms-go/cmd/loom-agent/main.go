// loom-agent runs on each loom's controller PC: it reads the pick counter
// over the loom's serial port and keeps a LoomLink open to loomd.
package main

import (
	"bufio"
	"context"
	"log"
	"os"
	"strconv"
	"strings"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"weavecorp.io/looms/gen/loomspb"
)

func main() {
	loomID, token := os.Getenv("LOOM_ID"), os.Getenv("LOOM_TOKEN")
	cc, err := grpc.NewClient(os.Getenv("LOOMD"), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	link, err := loomspb.NewWeavingClient(cc).LoomLink(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	go func() {
		for {
			d, err := link.Recv()
			if err != nil {
				log.Fatalf("link closed: %v", err)
			}
			log.Printf("directive: pattern=%s rpm=%d", d.Pattern, d.Rpm)
		}
	}()
	serial, err := os.Open(os.Getenv("LOOM_SERIAL"))
	if err != nil {
		log.Fatal(err)
	}
	sc := bufio.NewScanner(serial)
	for sc.Scan() {
		fields := strings.Fields(sc.Text()) // "<picks> <stop-reason|->"
		picks, _ := strconv.ParseUint(fields[0], 10, 64)
		stop := ""
		if len(fields) > 1 && fields[1] != "-" {
			stop = fields[1]
		}
		if err := link.Send(&loomspb.LoomFrame{LoomId: loomID, Token: token, Picks: picks, StopReason: stop, UnixMs: time.Now().UnixMilli()}); err != nil {
			log.Fatal(err)
		}
	}
}
