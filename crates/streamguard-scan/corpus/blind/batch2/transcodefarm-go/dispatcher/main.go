package main

import (
	"log"
	"net"
	"os"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	pb "github.com/reelhouse/transcodepb"
)

func main() {
	workerConn, err := grpc.NewClient(getenv("WORKER_ADDR", "worker:7700"), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	srv := grpc.NewServer(grpc.MaxRecvMsgSize(32 << 20))
	pb.RegisterDispatcherServer(srv, &dispatcher{
		worker:     pb.NewWorkerClient(workerConn),
		storageURL: getenv("SEGMENT_STORE_URL", "http://minio:9000/segments"),
		outDir:     getenv("HLS_OUT_DIR", "/srv/hls"),
	})
	lis, err := net.Listen("tcp", getenv("DISPATCHER_ADDR", ":7600"))
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}

func getenv(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
