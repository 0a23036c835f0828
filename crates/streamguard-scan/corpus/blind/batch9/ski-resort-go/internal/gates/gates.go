// Package gates handles turnstile scan streams.
package gates

import (
	"errors"
	"io"
	"sync"

	"golang.org/x/time/rate"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"git.alpenpeak.example/resort/internal/authn"
	pb "git.alpenpeak.example/resort/internal/gen/resortv1"
	"git.alpenpeak.example/resort/internal/passes"
)

type Handler struct {
	Tokens *authn.GateTokens
	Passes *passes.Client

	mu       sync.Mutex
	limiters map[string]*rate.Limiter // by gate id, shared across reconnects
}

func (h *Handler) limiter(gateID string) *rate.Limiter {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.limiters == nil {
		h.limiters = map[string]*rate.Limiter{}
	}
	l, ok := h.limiters[gateID]
	if !ok {
		l = rate.NewLimiter(5, 20) // a turnstile physically admits ~1 skier/s
		h.limiters[gateID] = l
	}
	return l
}

func (h *Handler) GateStream(stream pb.Resort_GateStreamServer) error {
	ctx := stream.Context()
	md, _ := metadata.FromIncomingContext(ctx)
	tok := ""
	if v := md.Get("x-gate-token"); len(v) > 0 {
		tok = v[0]
	}
	for {
		scan, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		// Re-verified on every scan: expiry and decommissioning take effect immediately.
		gateID, err := h.Tokens.Verify(tok)
		if err != nil {
			return status.Errorf(codes.Unauthenticated, "gate: %v", err)
		}
		if scan.GetGateId() != gateID {
			_ = stream.Send(&pb.GateDecision{ScanId: scan.GetScanId(), Open: false, Reason: "gate id mismatch"})
			continue
		}
		if !h.limiter(gateID).Allow() {
			return status.Error(codes.ResourceExhausted, "scan rate exceeded for gate")
		}
		v, err := h.Passes.Validate(ctx, scan.GetPassUid(), gateID)
		dec := &pb.GateDecision{ScanId: scan.GetScanId()}
		switch {
		case err != nil:
			dec.Reason = "ticketing unavailable"
		case v.Valid:
			dec.Open = true
		default:
			dec.Reason = v.Reason
		}
		if err := stream.Send(dec); err != nil {
			return err
		}
	}
}
