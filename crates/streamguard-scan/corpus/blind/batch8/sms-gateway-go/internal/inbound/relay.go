package inbound

import (
	"sync"

	"google.golang.org/grpc"

	smsv1 "github.com/relaytel/smsgw/gen/smsv1"
)

// Relay pushes MO messages from the carrier binds to the routing tier.
type Relay struct {
	smsv1.UnimplementedInboundServer

	mu   sync.Mutex
	subs map[chan *smsv1.InboundSms]map[string]bool
}

func NewRelay() *Relay {
	return &Relay{subs: map[chan *smsv1.InboundSms]map[string]bool{}}
}

// Deliver is called by the SMPP deliver_sm handler.
func (r *Relay) Deliver(m *smsv1.InboundSms) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for ch, codes := range r.subs {
		if len(codes) > 0 && !codes[m.GetShortCode()] {
			continue
		}
		select {
		case ch <- m:
		default:
		}
	}
}

func (r *Relay) StreamInbound(req *smsv1.InboundRequest, stream grpc.ServerStreamingServer[smsv1.InboundSms]) error {
	codes := map[string]bool{}
	for _, c := range req.GetShortCodes() {
		codes[c] = true
	}
	ch := make(chan *smsv1.InboundSms, 1024)
	r.mu.Lock()
	r.subs[ch] = codes
	r.mu.Unlock()
	defer func() {
		r.mu.Lock()
		delete(r.subs, ch)
		r.mu.Unlock()
	}()
	for {
		select {
		case <-stream.Context().Done():
			return nil
		case m := <-ch:
			if err := stream.Send(m); err != nil {
				return err
			}
		}
	}
}
