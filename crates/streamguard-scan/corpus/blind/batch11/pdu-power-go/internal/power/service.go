package power

import (
	"context"
	"time"

	"github.com/go-redis/redis_rate/v10"
	"github.com/jackc/pgx/v5/pgxpool"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	pduv1 "github.com/dcops/pdu-power/gen/pdu/v1"
	"github.com/dcops/pdu-power/internal/guard"
	"github.com/dcops/pdu-power/internal/snmp"
)

type Service struct {
	pduv1.UnimplementedPowerDistributionServer
	SNMP    *snmp.Client
	DB      *pgxpool.Pool
	Limiter *redis_rate.Limiter
	PerMin  int
	Every   time.Duration
}

// AuthorizeCommand is registered with the guard for PowerControl: every OutletCommand is checked
// against the caller's racks and scope before the handler sees it.
func AuthorizeCommand(c *guard.Claims, msg any) error {
	cmd, ok := msg.(*pduv1.OutletCommand)
	if !ok {
		return status.Error(codes.Internal, "unexpected message")
	}
	if !c.HasScope("outlets:switch") || !c.CanRack(cmd.RackId) {
		return status.Errorf(codes.PermissionDenied, "insufficient_scope for rack %s", cmd.RackId)
	}
	return nil
}

func (s *Service) allow(ctx context.Context, sub string) error {
	res, err := s.Limiter.Allow(ctx, "pdu:cmd:"+sub, redis_rate.PerMinute(s.PerMin))
	if err != nil {
		return status.Error(codes.Unavailable, "limiter unavailable")
	}
	if res.Allowed == 0 {
		return status.Error(codes.ResourceExhausted, "rate_limit_exceeded")
	}
	return nil
}
