package service

import (
	"time"

	pb "spectrumwatch.io/monitor/pkg/pb/spectrumv1"
)

// endlessMonitor feeds the client library tests.
type endlessMonitor struct{ pb.UnimplementedMonitorServer }

func (endlessMonitor) WatchBand(req *pb.WatchBandRequest, stream pb.Monitor_WatchBandServer) error {
	for {
		_ = stream.Send(&pb.BandSnapshot{StationId: req.GetStationId()})
		time.Sleep(time.Millisecond)
	}
}
