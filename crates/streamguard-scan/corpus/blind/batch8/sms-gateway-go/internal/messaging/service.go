package messaging

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

	smsv1 "github.com/relaytel/smsgw/gen/smsv1"
	"github.com/relaytel/smsgw/internal/auth"
	"github.com/relaytel/smsgw/internal/carrier"
	"github.com/relaytel/smsgw/internal/dlr"
	"github.com/relaytel/smsgw/internal/store"
)

const carrierSubmitTimeout = 10 * time.Second

type Service struct {
	smsv1.UnimplementedMessagingServer
	Store   *store.Store
	Carrier *carrier.Router
	DLR     *dlr.Broker
}

func (s *Service) GetMessage(ctx context.Context, req *smsv1.GetMessageRequest) (*smsv1.MessageRecord, error) {
	return nil, status.Error(codes.Unimplemented, "use ListMessages")
}

// SendBatch accepts MT messages on a long-lived stream and answers each with
// its submit result. Results may come back out of order.
func (s *Service) SendBatch(stream grpc.BidiStreamingServer[smsv1.OutboundSms, smsv1.SubmitResult]) error {
	tenant := auth.TenantFrom(stream.Context())
	tps := tenant.Tps
	if tps <= 0 {
		tps = 20
	}
	limiter := rate.NewLimiter(rate.Limit(tps), tps)
	results := make(chan *smsv1.SubmitResult, 64)
	sendErr := make(chan error, 1)
	go func() {
		for r := range results {
			if err := stream.Send(r); err != nil {
				sendErr <- err
				return
			}
		}
		sendErr <- nil
	}()

	senderChecked := false
	for {
		msg, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			close(results)
			return err
		}
		if !senderChecked {
			owner, err := s.Store.SenderOwner(stream.Context(), msg.GetSenderId())
			if err != nil || owner != tenant.ID {
				close(results)
				return status.Errorf(codes.PermissionDenied, "sender id %q is not registered to your account", msg.GetSenderId())
			}
			senderChecked = true
		}
		if !limiter.Allow() {
			results <- &smsv1.SubmitResult{ClientRef: msg.GetClientRef(), Status: "THROTTLED"}
			continue
		}
		go s.submit(tenant.ID, msg, results)
	}
	close(results)
	return <-sendErr
}

func (s *Service) submit(tenantID string, msg *smsv1.OutboundSms, results chan<- *smsv1.SubmitResult) {
	defer func() { _ = recover() }() // results may be closed by a finished stream
	ctx, cancel := context.WithTimeout(context.Background(), carrierSubmitTimeout)
	defer cancel()
	id, err := s.Carrier.Submit(ctx, msg.GetSenderId(), msg.GetTo(), msg.GetBody())
	st := "ACCEPTED"
	if err != nil {
		st = "FAILED"
		slog.Warn("submit failed", "tenant", tenantID, "err", err)
	}
	if err := s.Store.Record(ctx, tenantID, id, msg.GetSenderId(), msg.GetTo(), st); err != nil {
		slog.Error("record message", "err", err)
	}
	results <- &smsv1.SubmitResult{ClientRef: msg.GetClientRef(), MessageId: id, Status: st}
}

// WatchDeliveryReports streams DLRs for the tenant until the client leaves.
func (s *Service) WatchDeliveryReports(req *smsv1.WatchDlrRequest, stream grpc.ServerStreamingServer[smsv1.DeliveryReport]) error {
	tenant := auth.TenantFrom(stream.Context())
	ch, unsubscribe := s.DLR.Subscribe(tenant.ID)
	defer unsubscribe()
	for {
		select {
		case <-stream.Context().Done():
			return stream.Context().Err()
		case r := <-ch:
			if err := stream.Send(r); err != nil {
				return err
			}
		}
	}
}

func (s *Service) ListMessages(req *smsv1.ListMessagesRequest, stream grpc.ServerStreamingServer[smsv1.MessageRecord]) error {
	tenant := auth.TenantFrom(stream.Context())
	from := time.UnixMilli(req.GetFromUnixMs())
	to := time.UnixMilli(req.GetToUnixMs())
	if to.Sub(from) > 31*24*time.Hour {
		return status.Error(codes.InvalidArgument, "range longer than 31 days; split it")
	}
	return s.Store.Range(stream.Context(), tenant.ID, from, to, func(m store.Message) error {
		return stream.Send(&smsv1.MessageRecord{MessageId: m.ID, SenderId: m.SenderID, To: m.To, Status: m.Status, UnixMs: m.At.UnixMilli()})
	})
}
