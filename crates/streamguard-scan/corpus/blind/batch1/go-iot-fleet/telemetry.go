package main

import (
	"context"
	"errors"
	"io"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	fleetpb "github.com/fleetops/fleetd/proto"
)

const (
	uploadBatch   = 256
	heartbeatIdle = 90 * time.Second
)

type ingestClient interface {
	Write(ctx context.Context, device string, batch []*fleetpb.Sample) error
}

type commandStore interface {
	Pending(ctx context.Context, device string) ([]*fleetpb.Command, error)
}

type fleetServer struct {
	fleetpb.UnimplementedFleetServer

	ingest  ingestClient
	cmds    commandStore
	limits  *deviceLimits
	revoked *revocationSet
}

func (s *fleetServer) flush(device string, batch []*fleetpb.Sample) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return s.ingest.Write(ctx, device, batch)
}

func (s *fleetServer) Upload(stream fleetpb.Fleet_UploadServer) error {
	claims := claimsFrom(stream.Context())
	lim := s.limits.forDevice(claims.DeviceID())
	batch := make([]*fleetpb.Sample, 0, uploadBatch)
	var accepted uint64
	for {
		sample, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		if !lim.Allow() {
			return status.Error(codes.ResourceExhausted, "sample rate exceeded")
		}
		batch = append(batch, sample)
		if len(batch) == uploadBatch {
			if err := s.flush(claims.DeviceID(), batch); err != nil {
				return status.Errorf(codes.Unavailable, "ingest: %v", err)
			}
			accepted += uint64(len(batch))
			batch = batch[:0]
		}
	}
	if len(batch) > 0 {
		if err := s.flush(claims.DeviceID(), batch); err != nil {
			return status.Errorf(codes.Unavailable, "ingest: %v", err)
		}
		accepted += uint64(len(batch))
	}
	return stream.SendAndClose(&fleetpb.UploadAck{Accepted: accepted})
}

func (s *fleetServer) Heartbeat(stream fleetpb.Fleet_HeartbeatServer) error {
	ctx, cancel := context.WithCancel(stream.Context())
	defer cancel()
	claims := claimsFrom(ctx)

	idle := time.AfterFunc(heartbeatIdle, cancel)
	defer idle.Stop()

	pings := make(chan *fleetpb.Ping)
	recvErr := make(chan error, 1)
	go func() {
		for {
			p, err := stream.Recv()
			if err != nil {
				recvErr <- err
				return
			}
			select {
			case pings <- p:
			case <-ctx.Done():
				return
			}
		}
	}()

	for {
		select {
		case <-ctx.Done():
			return status.Error(codes.DeadlineExceeded, "heartbeat idle timeout")
		case err := <-recvErr:
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		case p := <-pings:
			idle.Reset(heartbeatIdle)
			if time.Now().After(claims.Expiry()) {
				return status.Error(codes.Unauthenticated, "token_expired")
			}
			if s.revoked.Has(claims.ID) {
				return status.Error(codes.PermissionDenied, "token_revoked")
			}
			if err := stream.Send(&fleetpb.Pong{Seq: p.GetSeq(), ServerUnixMs: time.Now().UnixMilli()}); err != nil {
				return err
			}
		}
	}
}
