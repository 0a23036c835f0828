package main

import (
	"flag"
	"log"
	"net"
	"net/http"
	"time"

	"git.internal/plant/sensor-gateway/gen/sensorspb"
	"git.internal/plant/sensor-gateway/pkg/alerts"
	"git.internal/plant/sensor-gateway/pkg/pubsub"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"
)

func main() {
	listen := flag.String("listen", ":8450", "listen address (control-room VLAN only)")
	natsURL := flag.String("nats", "nats://nats:4222", "NATS URL")
	webhook := flag.String("pager-webhook", "", "paging webhook URL; empty disables paging")
	flag.Parse()

	bus, err := pubsub.Connect(*natsURL)
	if err != nil {
		log.Fatal(err)
	}
	srv := grpc.NewServer(grpc.KeepaliveParams(keepalive.ServerParameters{
		MaxConnectionIdle: 10 * time.Minute,
		Time:              2 * time.Minute,
	}))
	sensorspb.RegisterAlertsServer(srv, &alerts.Server{
		Bus:         bus,
		Notifier:    &alerts.Notifier{WebhookURL: *webhook, Client: &http.Client{}},
		PageOnWatch: *webhook != "",
	})
	lis, err := net.Listen("tcp", *listen)
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}
