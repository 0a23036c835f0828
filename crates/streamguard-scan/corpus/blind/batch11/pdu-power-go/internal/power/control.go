package power

import (
	"context"
	"errors"
	"io"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	pduv1 "github.com/dcops/pdu-power/gen/pdu/v1"
	"github.com/dcops/pdu-power/internal/guard"
)

func context_err(ctx context.Context) error {
	if c := context.Cause(ctx); c != nil {
		if _, ok := status.FromError(c); ok {
			return c
		}
	}
	return status.FromContextError(ctx.Err()).Err()
}

// PowerControl executes outlet commands. Each message has already been authorized by the guard's
// wrapped RecvMsg (AuthorizeCommand); a denied one ends the stream with PERMISSION_DENIED.
func (s *Service) PowerControl(stream pduv1.PowerDistribution_PowerControlServer) error {
	ctx := stream.Context()
	claims := guard.ClaimsFrom(ctx)
	for {
		cmd, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := s.allow(ctx, claims.Subject); err != nil {
			return err
		}
		switch cmd.GetAction() {
		case "on", "off", "cycle":
		default:
			if err := stream.Send(&pduv1.OutletCommandResult{RequestId: cmd.GetRequestId(), Status: "INVALID_ARGUMENT"}); err != nil {
				return err
			}
			continue
		}
		state, err := s.SNMP.Switch(ctx, cmd.GetPduId(), cmd.GetOutlet(), cmd.GetAction())
		res := &pduv1.OutletCommandResult{RequestId: cmd.GetRequestId(), Status: "OK", State: state}
		if err != nil {
			if ctx.Err() != nil {
				return context_err(ctx)
			}
			res.Status = status.Code(err).String()
			if res.Status == codes.Unknown.String() {
				res.Status = "SNMP_ERROR"
			}
		}
		if err := stream.Send(res); err != nil {
			return err
		}
	}
}
