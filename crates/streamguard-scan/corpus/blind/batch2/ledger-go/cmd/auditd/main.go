package main

import (
	"database/sql"
	"log"
	"net"
	"os"

	_ "github.com/jackc/pgx/v5/stdlib"
	"google.golang.org/grpc"
	"google.golang.org/grpc/reflection"

	ledgerv1 "github.com/northwind-fin/ledger/api/ledger/v1"
)

func main() {
	db, err := sql.Open("pgx", os.Getenv("AUDIT_DSN"))
	if err != nil {
		log.Fatal(err)
	}
	lis, err := net.Listen("tcp", ":7310")
	if err != nil {
		log.Fatal(err)
	}
	srv := grpc.NewServer()
	ledgerv1.RegisterAuditServer(srv, &auditServer{events: newAuditFeed(db)})
	reflection.Register(srv)
	log.Printf("auditd on %s", lis.Addr())
	log.Fatal(srv.Serve(lis))
}
