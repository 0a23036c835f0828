// pantographd serves the trackside uplift monitors' readings to the control-room wall (depot LAN, no auth).
package main

import (
	"bufio"
	"log"
	"net"
	"os"
	"strconv"
	"strings"
	"time"

	"google.golang.org/grpc"

	"github.com/citytram/catenary/gen/catpb"
)

type uplift struct {
	catpb.UnimplementedPantographServer
	serialDev string
}

func (u *uplift) WatchUplift(req *catpb.WatchUpliftRequest, stream catpb.Pantograph_WatchUpliftServer) error {
	f, err := os.Open(u.serialDev)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		parts := strings.Fields(sc.Text()) // "<tram> <newtons>"
		if len(parts) != 2 {
			continue
		}
		n, _ := strconv.ParseFloat(parts[1], 64)
		if err := stream.Send(&catpb.UpliftSample{TramId: parts[0], Newtons: n, AtUnixMs: time.Now().UnixMilli()}); err != nil {
			return err
		}
	}
	return sc.Err()
}

func main() {
	srv := grpc.NewServer()
	catpb.RegisterPantographServer(srv, &uplift{serialDev: os.Getenv("UPLIFT_TTY")})
	lis, err := net.Listen("tcp", ":50211")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}
