package ramp

import (
	"errors"
	"io"
	"sync"

	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/time/rate"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/peer"
	"google.golang.org/grpc/status"

	rampv1 "git.harbourlines.example/ops/ferry-ramp/gen/rampv1"
)

// Uplink serves the linkspan PLCs on the mTLS listener; the PLC is identified by its certificate.
type Uplink struct {
	rampv1.UnimplementedPlcUplinkServer
	DB *pgxpool.Pool

	mu       sync.Mutex
	limiters map[string]*rate.Limiter
}

func (u *Uplink) limiterFor(addr string) *rate.Limiter {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.limiters == nil {
		u.limiters = map[string]*rate.Limiter{}
	}
	l, ok := u.limiters[addr]
	if !ok {
		l = rate.NewLimiter(20, 40)
		u.limiters[addr] = l
	}
	return l
}

func (u *Uplink) PlcLink(stream rampv1.PlcUplink_PlcLinkServer) error {
	ctx := stream.Context()
	p, ok := peer.FromContext(ctx)
	if !ok {
		return status.Error(codes.Unauthenticated, "no peer")
	}
	tlsInfo, ok := p.AuthInfo.(credentials.TLSInfo)
	if !ok || len(tlsInfo.State.PeerCertificates) == 0 {
		return status.Error(codes.Unauthenticated, "client certificate required")
	}
	rampID := tlsInfo.State.PeerCertificates[0].Subject.CommonName
	limiter := u.limiterFor(p.Addr.String())
	for {
		t, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if !limiter.Allow() {
			return status.Error(codes.ResourceExhausted, "telemetry rate exceeded")
		}
		var target float32
		var hold bool
		err = u.DB.QueryRow(ctx, `UPDATE ramp_state SET height_m = $2, pressure_bar = $3, oil_temp_c = $4, updated_at = now()
			WHERE ramp_id = $1 RETURNING target_height_m, hold`, rampID, t.GetHeightM(), t.GetPressureBar(), t.GetOilTempC()).Scan(&target, &hold)
		if err != nil {
			return status.FromContextError(err).Err()
		}
		if err := stream.Send(&rampv1.PlcSetpoint{TargetHeightM: target, Hold: hold}); err != nil {
			return err
		}
	}
}
