package charging

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync"
	"time"

	"gitlab.transitco.example/depot/charging/gen/depotpb"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/peer"
	"google.golang.org/grpc/status"
)

// PeerLimits caps reports per connection (chargers report every 5 s; a
// misbehaving firmware floods).
type PeerLimits struct {
	mu     sync.Mutex
	counts map[string]int
	reset  time.Time
}

func (l *PeerLimits) Allow(addr string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if time.Since(l.reset) > time.Minute || l.counts == nil {
		l.counts, l.reset = map[string]int{}, time.Now()
	}
	l.counts[addr]++
	return l.counts[addr] <= 30
}

func chargerIdentity(ctx context.Context) (string, string, error) {
	p, ok := peer.FromContext(ctx)
	if !ok {
		return "", "", status.Error(codes.Unauthenticated, "no peer")
	}
	ti, ok := p.AuthInfo.(credentials.TLSInfo)
	if !ok || len(ti.State.VerifiedChains) == 0 {
		return "", "", status.Error(codes.Unauthenticated, "client certificate required")
	}
	return ti.State.VerifiedChains[0][0].Subject.CommonName, p.Addr.String(), nil
}

// ChargerLink: each charger (mTLS, CN = charger id) reports while a bus is
// plugged in and gets power caps back.
func (s *Service) ChargerLink(stream grpc.BidiStreamingServer[depotpb.ChargerReport, depotpb.ChargerSetpoint]) error {
	chargerID, addr, err := chargerIdentity(stream.Context())
	if err != nil {
		return err
	}
	var mu sync.Mutex
	var last *depotpb.ChargerReport

	// keep the EMS's view of this charger fresh even between reports
	go func() {
		t := time.NewTicker(15 * time.Second)
		for range t.C {
			mu.Lock()
			r := last
			mu.Unlock()
			if r == nil {
				continue
			}
			if _, err := s.EMS.ReportCharger(context.Background(), chargerID, r.PowerKw, r.SocPct); err != nil {
				slog.Warn("ems refresh failed", "charger", chargerID, "err", err)
			}
		}
	}()

	for {
		rep, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if !s.Limits.Allow(addr) {
			return status.Error(codes.ResourceExhausted, "report rate exceeded")
		}
		rep.ChargerId = chargerID // never trust the id in the message
		mu.Lock()
		last = rep
		mu.Unlock()
		capKw, err := s.EMS.ReportCharger(stream.Context(), chargerID, rep.PowerKw, rep.SocPct)
		if err != nil {
			capKw = 50 // safe default
		}
		if err := stream.Send(&depotpb.ChargerSetpoint{MaxPowerKw: capKw, Reason: "ems"}); err != nil {
			return err
		}
	}
}
