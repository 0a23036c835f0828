package fieldbus

import (
	"context"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	vendorpb "gitlab.nordrail.example/signalling/fieldgw-api/gen/fieldgw/v2"
)

type vendorGateway struct{ c vendorpb.FieldGatewayClient }

// DialVendor connects to the vendor field gateway.
func DialVendor(addr string) (Gateway, error) {
	cc, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return nil, err
	}
	return &vendorGateway{c: vendorpb.NewFieldGatewayClient(cc)}, nil
}

func (v *vendorGateway) SubscribeSection(ctx context.Context, section string) (<-chan BlockEvent, error) {
	st, err := v.c.Subscribe(ctx, &vendorpb.SubscribeRequest{Section: section})
	if err != nil {
		return nil, err
	}
	out := make(chan BlockEvent, 64)
	go func() {
		defer close(out)
		for {
			m, err := st.Recv()
			if err != nil {
				return
			}
			select {
			case out <- BlockEvent{Section: section, Block: m.Block, Occupied: m.Occupied, Aspect: m.Aspect, Train: m.Train, At: time.UnixMilli(m.UnixMs)}:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out, nil
}

func (v *vendorGateway) SetRoute(ctx context.Context, section, entry, exit, train string) error {
	r, err := v.c.SetRoute(ctx, &vendorpb.RouteCmd{Section: section, Entry: entry, Exit: exit, Train: train})
	if err != nil {
		return err
	}
	if !r.Ok {
		return ErrRouteConflict{Reason: r.Reason}
	}
	return nil
}

func (v *vendorGateway) ReleaseRoute(ctx context.Context, section, entry string) error {
	_, err := v.c.ReleaseRoute(ctx, &vendorpb.RouteCmd{Section: section, Entry: entry})
	return err
}

func (v *vendorGateway) Recorder(ctx context.Context, section string, from, to time.Time, fn func(time.Time, string, string) error) error {
	st, err := v.c.Recorder(ctx, &vendorpb.RecorderRequest{Section: section, FromUnixMs: from.UnixMilli(), ToUnixMs: to.UnixMilli()})
	if err != nil {
		return err
	}
	for {
		m, err := st.Recv()
		if err != nil {
			if err.Error() == "EOF" {
				return nil
			}
			return err
		}
		if err := fn(time.UnixMilli(m.UnixMs), m.Source, m.Text); err != nil {
			return err
		}
	}
}
