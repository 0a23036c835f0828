package main

import (
	"context"
	"flag"
	"log"
	"net"
	"os"
	"os/signal"
	"time"

	"github.com/forge-ci/buildfarm/gen/forgepb"
	"github.com/forge-ci/buildfarm/internal/worker"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func main() {
	id := flag.String("id", hostname(), "worker id")
	slots := flag.Uint("slots", 4, "concurrent actions")
	scheduler := flag.String("scheduler", "scheduler.forge.svc:8980", "scheduler address")
	debugAddr := flag.String("debug", "127.0.0.1:8990", "debug gRPC address")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	conn, err := grpc.NewClient(*scheduler, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	out := worker.NewOutput()
	runner := &worker.Runner{ID: *id, Token: os.Getenv("FORGE_WORKER_TOKEN"), Client: forgepb.NewSchedulerClient(conn), Out: out, Slots: uint32(*slots)}

	debug := grpc.NewServer(grpc.ConnectionTimeout(5 * time.Second))
	forgepb.RegisterWorkerDebugServer(debug, &worker.Debug{ID: *id, Slots: uint32(*slots), Runner: runner, Out: out})
	lis, err := net.Listen("tcp", *debugAddr)
	if err != nil {
		log.Fatal(err)
	}
	go debug.Serve(lis)
	defer debug.Stop()

	for ctx.Err() == nil {
		if err := runner.Run(ctx); err != nil {
			log.Printf("session ended: %v; reconnecting", err)
			time.Sleep(2 * time.Second)
		}
	}
}

func hostname() string {
	h, _ := os.Hostname()
	return h
}
