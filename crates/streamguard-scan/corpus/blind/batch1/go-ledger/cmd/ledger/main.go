package main

import (
	"context"
	"log/slog"
	"net"
	"os"
	"time"

	"github.com/MicahParks/keyfunc/v3"
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/logging"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	"github.com/finco/ledger/api/ledgerpb"
	"github.com/finco/ledger/internal/authn"
	"github.com/finco/ledger/internal/ledger"
	"github.com/finco/ledger/internal/ratelimit"
)

func interceptorLogger(l *slog.Logger) logging.Logger {
	return logging.LoggerFunc(func(ctx context.Context, lvl logging.Level, msg string, fields ...any) {
		l.Log(ctx, slog.Level(lvl), msg, fields...)
	})
}

func main() {
	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	ctx := context.Background()

	kf, err := keyfunc.NewDefaultCtx(ctx, []string{os.Getenv("LEDGER_JWKS_URL")})
	if err != nil {
		logger.Error("jwks", "err", err)
		os.Exit(1)
	}
	deps, err := wire(ctx)
	if err != nil {
		logger.Error("wire", "err", err)
		os.Exit(1)
	}

	srv := grpc.NewServer(
		grpc.ChainStreamInterceptor(
			logging.StreamServerInterceptor(interceptorLogger(logger)),
			authn.Stream(kf, deps.revocations),
		),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionAge:      2 * time.Hour,
			MaxConnectionAgeGrace: time.Minute,
		}),
	)
	ledgerpb.RegisterLedgerServer(srv, ledger.NewService(deps.store, deps.fx, deps.bank, ratelimit.NewPeerLimiter(20, 40)))

	lis, err := net.Listen("tcp", ":9090")
	if err != nil {
		logger.Error("listen", "err", err)
		os.Exit(1)
	}
	logger.Info("ledger serving", "addr", lis.Addr().String())
	if err := srv.Serve(lis); err != nil {
		logger.Error("serve", "err", err)
	}
}
