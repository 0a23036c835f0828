package auth

import (
	"log/slog"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/status"
)

// LogStream logs every stream with its duration and status code.
func LogStream(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	start := time.Now()
	err := handler(srv, ss)
	slog.Info("stream", "method", info.FullMethod, "code", status.Code(err).String(), "dur", time.Since(start))
	return err
}
