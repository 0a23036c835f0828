package server

import (
	"net/http"

	"github.com/oceanlink/cablemon/gen/cablepb"
	"github.com/oceanlink/cablemon/internal/station"
	"github.com/oceanlink/cablemon/internal/store"
	"google.golang.org/grpc"
)

type Monitor struct {
	cablepb.UnimplementedCableMonitorServer

	Store    *store.Store
	Stations *station.Registry
	OTDR     OTDRClient
	AlarmURL string
	HTTP     *http.Client
}

// OTDRClient talks to the shore-end OTDR instruments through their gRPC agent.
type OTDRClient interface {
	Invoke(ctx any, method string, args, reply any, opts ...grpc.CallOption) error
}
