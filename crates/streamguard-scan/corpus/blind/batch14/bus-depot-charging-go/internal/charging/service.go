package charging

import (
	"gitlab.transitco.example/depot/charging/gen/depotpb"
	"gitlab.transitco.example/depot/charging/internal/ems"
	"gitlab.transitco.example/depot/charging/internal/market"
	"gitlab.transitco.example/depot/charging/internal/session"
)

const busBatteryKwh = 420.0

type Service struct {
	depotpb.UnimplementedDepotChargingServer

	Sessions *session.Manager
	EMS      *ems.Client
	Market   *market.Client
	Limits   *PeerLimits
}
