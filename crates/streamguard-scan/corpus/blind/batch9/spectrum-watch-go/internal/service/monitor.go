// Package service implements spectrum.v1.Monitor. Authentication, expiry,
// revocation, lifetime, per-message authorization and rate limits are applied
// by the guard interceptor before a message reaches these handlers.
package service

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"spectrumwatch.io/monitor/internal/captures"
	"spectrumwatch.io/monitor/internal/emitters"
	"spectrumwatch.io/monitor/internal/guard"
	"spectrumwatch.io/monitor/internal/sdr"
	pb "spectrumwatch.io/monitor/pkg/pb/spectrumv1"
)

const (
	sweepEvery     = 2 * time.Second
	maxCaptureSize = 256 << 20
)

type Monitor struct {
	pb.UnimplementedMonitorServer
	SDR        *sdr.Client
	Emitters   *emitters.Registry
	Captures   *captures.Store
	Classifier *captures.Classifier

	// subscribers is only used for the ops dashboard's count of live watches.
	subscribers map[*pb.WatchBandRequest]struct{}
}

func (m *Monitor) WatchBand(req *pb.WatchBandRequest, stream pb.Monitor_WatchBandServer) error {
	ctx := stream.Context()
	if !guard.ClaimsFrom(ctx).OwnsStation(req.GetStationId()) {
		return status.Error(codes.PermissionDenied, "station not assigned")
	}
	t := time.NewTicker(sweepEvery)
	defer t.Stop()
	for {
		// Each sweep must finish well inside the period; the stream context still bounds it.
		sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		sw, err := m.SDR.Sweep(sctx, req.GetStationId(), req.GetStartMhz(), req.GetStopMhz())
		cancel()
		if err == nil {
			if err := stream.Send(&pb.BandSnapshot{StationId: req.GetStationId(), Dbm: sw.Dbm, Ts: sw.Ts}); err != nil {
				return err
			}
		}
		select {
		case <-ctx.Done():
			return context.Cause(ctx)
		case <-t.C:
		}
	}
}

func (m *Monitor) TuneSession(stream pb.Monitor_TuneSessionServer) error {
	ctx := stream.Context()
	for {
		cmd, err := stream.Recv() // the guard has authorized cmd.StationId against the token
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		peak, terr := m.SDR.Tune(ctx, cmd.GetStationId(), cmd.GetCenterMhz(), cmd.GetSpanKhz(), cmd.GetRbwHz())
		res := &pb.TuneResult{CommandId: cmd.GetCommandId(), Ok: terr == nil, PeakDbm: peak}
		if terr != nil {
			res.Error = terr.Error()
		}
		if err := stream.Send(res); err != nil {
			return err
		}
	}
}

func (m *Monitor) UploadCapture(stream pb.Monitor_UploadCaptureServer) error {
	var buf []byte
	for {
		chunk, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		if len(buf)+len(chunk.GetIq()) > maxCaptureSize {
			return status.Error(codes.ResourceExhausted, "capture too large")
		}
		buf = append(buf, chunk.GetIq()...)
	}
	idb := make([]byte, 8)
	_, _ = rand.Read(idb)
	id := hex.EncodeToString(idb)
	if err := m.Captures.Put(stream.Context(), id, buf); err != nil {
		return status.Errorf(codes.Unavailable, "store: %v", err)
	}
	return stream.SendAndClose(&pb.CaptureReceipt{CaptureId: id, Bytes: uint64(len(buf))})
}

func (m *Monitor) ListEmitters(req *pb.ListEmittersRequest, stream pb.Monitor_ListEmittersServer) error {
	return m.Emitters.InRegion(stream.Context(), req.GetRegion(), func(r emitters.Row) error {
		return stream.Send(&pb.Emitter{EmitterId: r.ID, FreqMhz: r.FreqMHz, Licensee: r.Licensee})
	})
}

// Classify is a quick unary helper for the desktop tool.
func (m *Monitor) Classify(_ context.Context, req *pb.ClassifyRequest) (*pb.ClassifyResponse, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	mod, conf, err := m.Classifier.Classify(ctx, req.GetIq())
	if err != nil {
		return nil, status.Errorf(codes.Unavailable, "classifier: %v", err)
	}
	return &pb.ClassifyResponse{Modulation: mod, Confidence: conf}, nil
}
