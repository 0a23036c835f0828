package ingest

import (
	"encoding/json"
	"time"

	"git.internal/plant/sensor-gateway/gen/sensorspb"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// WatchConfig pushes config changes to one device. The stream ends when the device token
// expires, when the device is decommissioned (pushed on "devices.revoked.<id>"), and after
// maxConfigStreamAge in any case; the device then reconnects with a fresh token.
func (s *Server) WatchConfig(req *sensorspb.WatchConfigRequest, stream sensorspb.Ingest_WatchConfigServer) error {
	ctx := stream.Context()
	dev, err := s.Tokens.FromContext(ctx)
	if err != nil {
		return status.Error(codes.Unauthenticated, err.Error())
	}
	if req.GetDeviceId() != dev.ID {
		return status.Error(codes.PermissionDenied, "a device can only watch its own config")
	}

	updates, unsub, err := s.Bus.Subscribe("devices.config." + dev.ID)
	if err != nil {
		return status.Errorf(codes.Unavailable, "config bus: %v", err)
	}
	defer unsub()
	revoked, unsubRevoked, err := s.Bus.Subscribe("devices.revoked." + dev.ID)
	if err != nil {
		return status.Errorf(codes.Unavailable, "config bus: %v", err)
	}
	defer unsubRevoked()

	expiry := time.NewTimer(time.Until(dev.Expires))
	defer expiry.Stop()
	lifetime := time.NewTimer(maxConfigStreamAge)
	defer lifetime.Stop()

	for {
		select {
		case <-ctx.Done():
			return nil
		case <-expiry.C:
			return status.Error(codes.Unauthenticated, "token_expired")
		case <-revoked:
			return status.Error(codes.PermissionDenied, "token_revoked")
		case <-lifetime.C:
			return status.Error(codes.Unavailable, "max_stream_lifetime")
		case m := <-updates:
			var cfg sensorspb.DeviceConfig
			if err := json.Unmarshal(m.Data, &cfg); err != nil {
				continue
			}
			cfg.DeviceId = dev.ID
			if err := stream.Send(&cfg); err != nil {
				return err
			}
		}
	}
}
