// Command railsignald is the workstation-facing gateway of one control area.
package main

import (
	"crypto/ecdsa"
	"crypto/x509"
	"encoding/pem"
	"flag"
	"log/slog"
	"net"
	"os"
	"time"

	"github.com/nats-io/nats.go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	railsignalv1 "gitlab.nordrail.example/signalling/railsignal/gen/railsignal/v1"
	"gitlab.nordrail.example/signalling/railsignal/internal/fieldbus"
	"gitlab.nordrail.example/signalling/railsignal/internal/guard"
	"gitlab.nordrail.example/signalling/railsignal/internal/interlocking"
	"gitlab.nordrail.example/signalling/railsignal/internal/ratelimit"
)

func loadKey(path string) (*ecdsa.PublicKey, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	block, _ := pem.Decode(raw)
	if block == nil {
		return nil, os.ErrInvalid
	}
	k, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		return nil, err
	}
	ek, ok := k.(*ecdsa.PublicKey)
	if !ok {
		return nil, os.ErrInvalid
	}
	return ek, nil
}

func main() {
	listen := flag.String("listen", ":9440", "gRPC listen address")
	keyFile := flag.String("token-key", "/etc/railsignal/idp-es256.pem", "PEM public key of the identity provider")
	natsURL := flag.String("nats", "nats://nats.ctrl.nordrail.example:4222", "NATS URL for revocations")
	fieldAddr := flag.String("field", "fieldgw.area3.nordrail.example:7000", "field gateway address")
	flag.Parse()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))

	key, err := loadKey(*keyFile)
	if err != nil {
		log.Error("token key", "file", *keyFile, "err", err)
		os.Exit(2)
	}
	nc, err := nats.Connect(*natsURL, nats.Name("railsignald"), nats.MaxReconnects(-1))
	if err != nil {
		log.Error("nats", "err", err)
		os.Exit(1)
	}
	revocations := guard.NewRevocations()
	if _, err := revocations.Subscribe(nc, "idp.revocations", log); err != nil {
		log.Error("subscribe revocations", "err", err)
		os.Exit(1)
	}

	field, err := fieldbus.DialVendor(*fieldAddr)
	if err != nil {
		log.Error("field gateway", "err", err)
		os.Exit(1)
	}

	g := &guard.Guard{
		Key: key, Issuer: "https://idp.nordrail.example", Audience: "railsignal",
		MaxLifetime: 20 * time.Minute,
		Revocations: revocations,
		Limiter:     ratelimit.NewSubjects(20, 40),
		Authorizers: map[string]guard.Authorizer{
			railsignalv1.Interlocking_RouteRequests_FullMethodName: interlocking.AuthorizeRoute,
		},
	}

	s := grpc.NewServer(
		grpc.ChainStreamInterceptor(g.Stream()),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionAge:      30 * time.Minute,
			MaxConnectionAgeGrace: 15 * time.Second,
			Time:                  20 * time.Second,
			Timeout:               5 * time.Second,
		}),
	)
	railsignalv1.RegisterInterlockingServer(s, &interlocking.Service{Field: field})

	lis, err := net.Listen("tcp", *listen)
	if err != nil {
		log.Error("listen", "err", err)
		os.Exit(1)
	}
	log.Info("railsignald up", "addr", lis.Addr())
	if err := s.Serve(lis); err != nil {
		log.Error("serve", "err", err)
	}
}
