package server

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"time"

	"golang.org/x/time/rate"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	pb "github.com/parcelnet/tracker/gen/trackingv1"
	"github.com/parcelnet/tracker/internal/auth"
	"github.com/parcelnet/tracker/internal/carrier"
	"github.com/parcelnet/tracker/internal/depot"
)

type Tracking struct {
	pb.UnimplementedTrackingServer

	Carrier  *carrier.Client
	Parcels  ParcelStore
	Counters *depot.Counters
	Revoked  *auth.Revoked
	Log      *slog.Logger

	scanLimits *limiterSet
}

func NewTracking(c *carrier.Client, p ParcelStore, counters *depot.Counters, revoked *auth.Revoked, log *slog.Logger) *Tracking {
	return &Tracking{Carrier: c, Parcels: p, Counters: counters, Revoked: revoked, Log: log, scanLimits: newLimiterSet(rate.Limit(20), 60)}
}

const carrierPoll = 2 * time.Minute

func (t *Tracking) TrackParcel(req *pb.TrackRequest, stream grpc.ServerStreamingServer[pb.ParcelEvent]) error {
	parcel, err := t.Parcels.Get(stream.Context(), req.GetParcelId())
	if err != nil {
		return status.Errorf(codes.NotFound, "parcel %s: %v", req.GetParcelId(), err)
	}
	since := time.Time{}
	for {
		cctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		events, err := t.Carrier.Events(cctx, parcel.Carrier, parcel.CarrierRef, since)
		cancel()
		if err != nil {
			t.Log.Warn("carrier poll failed", "parcel", parcel.ParcelId, "err", err)
		}
		for _, ev := range events {
			since = ev.At
			if err := stream.Send(&pb.ParcelEvent{ParcelId: parcel.ParcelId, Status: ev.Status, Location: ev.Location, AtUnix: ev.At.Unix()}); err != nil {
				return err
			}
			if ev.Status == "DELIVERED" || ev.Status == "RETURNED" {
				return nil
			}
		}
		select {
		case <-stream.Context().Done():
			return stream.Context().Err()
		case <-time.After(carrierPoll):
		}
	}
}

func (t *Tracking) BulkScan(stream grpc.ClientStreamingServer[pb.ScanEvent, pb.BulkScanSummary]) error {
	claims := auth.FromContext(stream.Context())
	limiter := t.scanLimits.get(claims.Subject)
	var sum pb.BulkScanSummary
	for {
		ev, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return stream.SendAndClose(&sum)
		}
		if err != nil {
			return err
		}
		if claims.ExpiresAt.Before(time.Now()) || t.Revoked.Has(claims.ID) {
			return status.Error(codes.Unauthenticated, "token_expired_or_revoked")
		}
		if !claims.HasDepot(ev.GetDepotId()) || !limiter.Allow() {
			sum.Rejected++
			continue
		}
		t.Counters.Record(ev.GetDepotId(), ev.GetKind(), time.Unix(ev.GetAtUnix(), 0))
		sum.Accepted++
	}
}

func (t *Tracking) WatchDepot(req *pb.WatchDepotRequest, stream grpc.ServerStreamingServer[pb.DepotStat]) error {
	claims := auth.FromContext(stream.Context())
	if !claims.HasDepot(req.GetDepotId()) {
		return status.Errorf(codes.PermissionDenied, "depot %s not in token", req.GetDepotId())
	}
	tick := time.NewTicker(5 * time.Second)
	defer tick.Stop()
	for {
		in, out, backlog := t.Counters.Snapshot(req.GetDepotId(), time.Now())
		if err := stream.Send(&pb.DepotStat{DepotId: req.GetDepotId(), InboundPerMin: uint32(in), OutboundPerMin: uint32(out), Backlog: uint32(backlog)}); err != nil {
			return err
		}
		select {
		case <-stream.Context().Done():
			return nil
		case <-tick.C:
		}
	}
}

func (t *Tracking) GetParcel(ctx context.Context, req *pb.GetParcelRequest) (*pb.Parcel, error) {
	p, err := t.Parcels.Get(ctx, req.GetParcelId())
	if err != nil {
		return nil, status.Errorf(codes.NotFound, "parcel %s: %v", req.GetParcelId(), err)
	}
	return p, nil
}
