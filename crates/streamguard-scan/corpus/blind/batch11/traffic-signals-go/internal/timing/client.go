package timing

import (
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"gitlab.city.example/its/traffic-signals/gen/trafficv1"
)

func Dial(addr string) (trafficv1.TimingClient, error) {
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return nil, err
	}
	return trafficv1.NewTimingClient(conn), nil
}
