package auth

import (
	"log/slog"
	"time"

	"google.golang.org/grpc"
)

func LoggingStreamInterceptor(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	start := time.Now()
	err := handler(srv, ss)
	slog.Info("stream closed", "method", info.FullMethod, "duration", time.Since(start), "err", err)
	return err
}
