package service

import (
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"spectrumwatch.io/monitor/internal/guard"
	pb "spectrumwatch.io/monitor/pkg/pb/spectrumv1"
)

// Authorizers are run by the guard on every received message.
func Authorizers() map[string]guard.Authorizer {
	return map[string]guard.Authorizer{
		"/spectrum.v1.Monitor/TuneSession": func(c *guard.Claims, msg any) error {
			cmd := msg.(*pb.TuneCommand)
			if !c.HasScope("receiver:tune") {
				return status.Error(codes.PermissionDenied, "insufficient_scope")
			}
			if !c.OwnsStation(cmd.GetStationId()) {
				return status.Errorf(codes.PermissionDenied, "resource_not_owned: station %s", cmd.GetStationId())
			}
			return nil
		},
		"/spectrum.v1.Monitor/UploadCapture": func(c *guard.Claims, msg any) error {
			chunk := msg.(*pb.CaptureChunk)
			if !c.OwnsStation(chunk.GetStationId()) {
				return status.Errorf(codes.PermissionDenied, "resource_not_owned: station %s", chunk.GetStationId())
			}
			return nil
		},
	}
}
