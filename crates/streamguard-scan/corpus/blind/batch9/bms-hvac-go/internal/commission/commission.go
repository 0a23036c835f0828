// Package commission runs interactive commissioning sessions: a technician on
// site steps through a checklist and each step writes a BACnet property.
package commission

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	bmsv1 "github.com/cobaltfm/bms/gen/bmsv1"
	"github.com/cobaltfm/bms/internal/auth"
	"github.com/cobaltfm/bms/internal/bacnet"
)

// Writes to field devices are slow over MS/TP trunks; give each one a fixed budget.
const writeTimeout = 20 * time.Second

type Service struct {
	BACnet *bacnet.Client
}

func (s *Service) write(deviceID, property, value string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), writeTimeout)
	defer cancel()
	return s.BACnet.WriteProperty(ctx, deviceID, property, value)
}

func (s *Service) Commission(stream bmsv1.Building_CommissionServer) error {
	claims, ok := auth.FromContext(stream.Context())
	if !ok || claims.Role != "technician" {
		return status.Error(codes.PermissionDenied, "technician role required")
	}
	first, err := stream.Recv()
	if err != nil {
		return err
	}
	// The session is for one building; the technician must service it.
	if !claims.HasBuilding(first.GetBuildingId()) {
		return status.Errorf(codes.PermissionDenied, "building %s not assigned to you", first.GetBuildingId())
	}
	slog.Info("commissioning started", "tech", claims.Subject, "building", first.GetBuildingId())
	step := first
	for {
		readBack, werr := s.write(step.GetDeviceId(), step.GetProperty(), step.GetValue())
		res := &bmsv1.CommissionResult{StepId: step.GetStepId(), Ok: werr == nil, ReadBack: readBack}
		if werr != nil {
			res.Error = werr.Error()
		}
		if err := stream.Send(res); err != nil {
			return err
		}
		step, err = stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}
