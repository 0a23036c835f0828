package zones

import (
	"context"
	"errors"
	"io"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	zonesv1 "git.hostmesh.net/dns/zones/gen/zonesv1"
	"git.hostmesh.net/dns/zones/internal/guard"
	"git.hostmesh.net/dns/zones/internal/ratelimit"
	"git.hostmesh.net/dns/zones/internal/signer"
)

type Service struct {
	zonesv1.UnimplementedZonesServer
	Store  *Store
	Signer *signer.Client
	Limits *ratelimit.Subjects
}

func (s *Service) GetSOA(ctx context.Context, req *zonesv1.GetSOARequest) (*zonesv1.SOA, error) {
	c := guard.ClaimsFrom(ctx)
	if !c.Manages(req.GetZone()) {
		return nil, status.Errorf(codes.PermissionDenied, "zone %q is not yours", req.GetZone())
	}
	serial, err := s.Store.Serial(ctx, req.GetZone())
	if err != nil {
		return nil, status.Errorf(codes.NotFound, "zone %q: %v", req.GetZone(), err)
	}
	return &zonesv1.SOA{Zone: req.GetZone(), Serial: serial, Mname: "ns1.hostmesh.net."}, nil
}

// WatchZone sends deltas after from_serial and then every new commit. The
// guard interceptor ends it at token expiry, on revocation and at max lifetime.
func (s *Service) WatchZone(req *zonesv1.WatchZoneRequest, stream grpc.ServerStreamingServer[zonesv1.ZoneDelta]) error {
	ctx := stream.Context()
	serial := req.GetFromSerial()
	for {
		changed := s.Store.Changed(req.GetZone())
		deltas, err := s.Store.DeltasSince(ctx, req.GetZone(), serial)
		if err != nil {
			return status.Errorf(codes.Unavailable, "zone store: %v", err)
		}
		for _, d := range deltas {
			if err := stream.Send(d); err != nil {
				return err
			}
			serial = d.GetSerial()
		}
		if len(deltas) == 100 {
			continue
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-changed:
		}
	}
}

// ApplyChanges signs and commits each change set. Authorization of every
// message happens in the guard's RecvMsg (AuthorizeMessage).
func (s *Service) ApplyChanges(stream grpc.BidiStreamingServer[zonesv1.ChangeSet, zonesv1.ChangeResult]) error {
	ctx := stream.Context()
	c := guard.ClaimsFrom(ctx)
	for {
		cs, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			if st, ok := status.FromError(err); ok && st.Code() == codes.PermissionDenied {
				if sendErr := stream.Send(&zonesv1.ChangeResult{Status: "PERMISSION_DENIED", Error: st.Message()}); sendErr != nil {
					return sendErr
				}
				continue
			}
			return err
		}
		if err := s.Limits.Allow(ctx, c.Subject); err != nil {
			return err
		}
		rrsigs := map[string][]string{}
		for _, rr := range cs.GetUpsert() {
			sig, err := s.Signer.Sign(ctx, signer.RRset{Zone: cs.GetZone(), Name: rr.GetName(), Type: rr.GetType(), TTL: rr.GetTtl(), RData: []string{rr.GetRdata()}})
			if err != nil {
				return status.Errorf(codes.Unavailable, "signer: %v", err)
			}
			rrsigs[rr.GetName()+"/"+rr.GetType()] = sig
		}
		serial, err := s.Store.Commit(ctx, cs, rrsigs)
		res := &zonesv1.ChangeResult{RequestId: cs.GetRequestId(), Status: "OK", Serial: serial}
		if err != nil {
			res.Status, res.Error = "FAILED", err.Error()
		}
		if err := stream.Send(res); err != nil {
			return err
		}
	}
}

func (s *Service) TransferZone(req *zonesv1.TransferRequest, stream grpc.ServerStreamingServer[zonesv1.ResourceRecord]) error {
	return s.Store.Records(stream.Context(), req.GetZone(), stream.Send)
}
