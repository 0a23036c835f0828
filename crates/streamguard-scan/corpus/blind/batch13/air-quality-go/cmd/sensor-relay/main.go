// sensor-relay mirrors district AQI from aqd to the regional environment
// agency over the agency's private link (no user auth on this segment).
package main

import (
	"log"
	"net"
	"os"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"

	"github.com/citylabs/air-quality/gen/aqv1"
)

type relay struct {
	aqv1.UnimplementedRelayServer
	upstream aqv1.AirQualityClient
	token    string
}

func (r *relay) Mirror(req *aqv1.MirrorRequest, stream aqv1.Relay_MirrorServer) error {
	ctx := metadata.AppendToOutgoingContext(stream.Context(), "authorization", "Bearer "+r.token)
	merged := make(chan *aqv1.AqiUpdate)
	errs := make(chan error, len(req.DistrictIds))
	for _, d := range req.DistrictIds {
		up, err := r.upstream.WatchDistrict(ctx, &aqv1.WatchDistrictRequest{DistrictId: d})
		if err != nil {
			return err
		}
		go func() {
			for {
				u, err := up.Recv()
				if err != nil {
					errs <- err
					return
				}
				select {
				case merged <- u:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	for {
		select {
		case u := <-merged:
			if err := stream.Send(u); err != nil {
				return err
			}
		case err := <-errs:
			return err
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

func main() {
	cc, err := grpc.NewClient(os.Getenv("AQD_ADDR"), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	srv := grpc.NewServer()
	aqv1.RegisterRelayServer(srv, &relay{upstream: aqv1.NewAirQualityClient(cc), token: os.Getenv("RELAY_SERVICE_TOKEN")})
	lis, err := net.Listen("tcp", ":9443")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}
