package main

import (
	"context"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"time"

	"github.com/agentops/mcpd/gen/mcpv1"
	"github.com/agentops/mcpd/internal/auth"
	"github.com/agentops/mcpd/internal/ratelimit"
	"github.com/agentops/mcpd/internal/revocation"
	"github.com/agentops/mcpd/internal/rpc"
	"github.com/agentops/mcpd/internal/tools"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"
	"google.golang.org/grpc/reflection"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	verifier, err := auth.LoadVerifier(env("MCPD_JWKS", "/etc/mcpd/jwks.json"), env("MCPD_ISSUER", "https://idp.agentops.dev"), env("MCPD_AUDIENCE", "mcpd"))
	if err != nil {
		slog.Error("jwks", "err", err)
		os.Exit(1)
	}
	revoked := revocation.New(env("MCPD_REVOCATIONS_URL", "https://idp.agentops.dev/revoked.txt"))
	go revoked.Run(ctx, time.Minute)

	registry := tools.NewRegistry(env("MCPD_WIKI_URL", "http://wiki.agentops.internal"))

	srv := grpc.NewServer(
		grpc.StreamInterceptor(verifier.StreamInterceptor),
		grpc.UnaryInterceptor(verifier.UnaryInterceptor),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionIdle: 5 * time.Minute,
			Time:              2 * time.Hour,
			Timeout:           20 * time.Second,
		}),
	)
	mcpv1.RegisterMcpServer(srv, &rpc.Unary{Tools: registry})
	mcpv1.RegisterMcpStreamingServer(srv, &rpc.Streaming{Tools: registry, Revoked: revoked})
	mcpv1.RegisterMcpJsonRpcServer(srv, &rpc.JSONRPC{Tools: registry, Limits: ratelimit.NewRegistry(120, 20)})
	reflection.Register(srv)

	lis, err := net.Listen("tcp", env("MCPD_LISTEN", ":50051"))
	if err != nil {
		slog.Error("listen", "err", err)
		os.Exit(1)
	}
	go func() {
		<-ctx.Done()
		srv.GracefulStop()
	}()
	if err := srv.Serve(lis); err != nil {
		slog.Error("serve", "err", err)
	}
}

func env(k, def string) string {
	if v, ok := os.LookupEnv(k); ok {
		return v
	}
	return def
}
