package main

import (
	"context"
	"flag"
	"log"
	"net"
	"os"
	"os/signal"
	"syscall"

	"google.golang.org/grpc"

	"github.com/forgeci/agent/internal/client"
	"github.com/forgeci/agent/internal/debugsrv"
)

func main() {
	controller := flag.String("controller", "controller.forgeci.internal:9090", "controller address")
	debugAddr := flag.String("debug-listen", "127.0.0.1:9191", "local debug shell listener (empty to disable)")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	if *debugAddr != "" {
		lis, err := net.Listen("tcp", *debugAddr)
		if err != nil {
			log.Fatalf("debug listener: %v", err)
		}
		s := grpc.NewServer()
		debugsrv.Register(s, os.Getenv("FORGECI_WORKDIR"))
		go func() {
			if err := s.Serve(lis); err != nil {
				log.Printf("debug server: %v", err)
			}
		}()
		defer s.GracefulStop()
	}

	if err := client.Run(ctx, *controller, os.Getenv("FORGECI_RUNNER_TOKEN")); err != nil {
		log.Fatal(err)
	}
}
