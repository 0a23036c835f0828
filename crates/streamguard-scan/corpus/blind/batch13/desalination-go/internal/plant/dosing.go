package plant

import (
	"context"
	"fmt"
	"time"

	"google.golang.org/grpc"
)

// DosingGateway is the plant's dosing-pump gateway (a small gRPC service
// in front of the pump VFDs). Generated client types live in the vendor's
// SDK; only the call we use is shown.
type DosingGateway struct {
	cc *grpc.ClientConn
}

func NewDosingGateway(cc *grpc.ClientConn) *DosingGateway { return &DosingGateway{cc: cc} }

type setRateReq struct {
	Train    string  `json:"train"`
	Chemical string  `json:"chemical"`
	MlPerMin float64 `json:"ml_per_min"`
}

type setRateResp struct {
	Applied bool `json:"applied"`
}

// SetRate sets the pump rate. Pump writes must complete even if the
// operator's console disconnects half way, so they get their own context.
func (d *DosingGateway) SetRate(train, chemical string, mlPerMin float64) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	var out setRateResp
	if err := d.cc.Invoke(ctx, "/pumps.v1.Pumps/SetRate", &setRateReq{train, chemical, mlPerMin}, &out, grpc.CallContentSubtype("json")); err != nil {
		return err
	}
	if !out.Applied {
		return fmt.Errorf("pump refused rate for %s/%s", train, chemical)
	}
	return nil
}
