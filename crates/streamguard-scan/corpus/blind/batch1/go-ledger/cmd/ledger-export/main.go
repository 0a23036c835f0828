package main

import (
	"context"
	"flag"
	"log"
	"net"

	"github.com/jackc/pgx/v5/pgxpool"
	"google.golang.org/grpc"
	"google.golang.org/grpc/reflection"

	"github.com/finco/ledger/api/ledgerpb"
	"github.com/finco/ledger/internal/export"
)

func main() {
	dsn := flag.String("dsn", "postgres://ledger_ro@replica/ledger", "read replica DSN")
	addr := flag.String("addr", "127.0.0.1:9191", "listen address")
	flag.Parse()

	pool, err := pgxpool.New(context.Background(), *dsn)
	if err != nil {
		log.Fatal(err)
	}
	defer pool.Close()

	srv := grpc.NewServer()
	ledgerpb.RegisterExportServer(srv, export.New(pool))
	reflection.Register(srv)

	lis, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}
