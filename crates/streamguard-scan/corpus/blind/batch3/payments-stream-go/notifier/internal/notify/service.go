package notify

import (
	"errors"
	"io"
	"time"

	"github.com/tillpay/notifier/api/notifypb"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

const (
	ackBatch         = 100
	maxAcksPerSecond = 200
)

type Service struct {
	notifypb.UnimplementedNotifierServer
	Hub   *Hub
	Store *Store
}

func (s *Service) SubscribeEvents(req *notifypb.SubscribeRequest, stream notifypb.Notifier_SubscribeEventsServer) error {
	if req.GetMerchantId() == "" {
		return status.Error(codes.InvalidArgument, "merchant_id required")
	}
	sub := s.Hub.add(req.GetMerchantId(), req.GetTypes())
	defer s.Hub.remove(sub)

	ctx := stream.Context()
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev := <-sub.ch:
			if err := stream.Send(ev); err != nil {
				return err
			}
		}
	}
}

func (s *Service) Ack(stream notifypb.Notifier_AckServer) error {
	ctx := stream.Context()
	var acked, unknown uint32
	batch := make([]string, 0, ackBatch)
	windowStart := time.Now()
	inWindow := 0

	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		n, err := s.Store.MarkAcked(ctx, batch)
		if err != nil {
			return status.Error(codes.Unavailable, err.Error())
		}
		acked += uint32(n)
		unknown += uint32(int64(len(batch)) - n)
		batch = batch[:0]
		return nil
	}

	for {
		req, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			if err := flush(); err != nil {
				return err
			}
			return stream.SendAndClose(&notifypb.AckSummary{Acked: acked, Unknown: unknown})
		}
		if err != nil {
			return err
		}
		if time.Since(windowStart) >= time.Second {
			windowStart, inWindow = time.Now(), 0
		}
		inWindow++
		if inWindow > maxAcksPerSecond {
			return status.Error(codes.ResourceExhausted, "ack rate exceeded")
		}
		batch = append(batch, req.GetEventId())
		if len(batch) == ackBatch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
}
