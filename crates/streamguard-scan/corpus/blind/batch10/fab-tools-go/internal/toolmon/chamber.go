package toolmon

import (
	"encoding/json"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	toolmonv1 "fab.example.com/toolmon/gen/fab/toolmon/v1"
)

type fdcSample struct {
	Sensor string  `json:"sensor"`
	Value  float64 `json:"value"`
	TS     int64   `json:"ts"`
}

func (s *Server) WatchChamber(req *toolmonv1.WatchChamberRequest, stream grpc.ServerStreamingServer[toolmonv1.SensorTrace]) error {
	sess, err := s.Sessions.Open(stream.Context())
	if err != nil {
		return err
	}
	defer sess.Close()
	if !sess.MayUseTool(req.GetToolId()) {
		return status.Error(codes.PermissionDenied, "not qualified on this tool")
	}
	var since int64
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-sess.Ctx.Done():
			return sess.Err(sess.Ctx.Err())
		case <-tick.C:
		}
		raw, err := s.MES.Traces(sess.Ctx, req.GetToolId(), req.GetChamber(), since)
		if err != nil {
			if sess.Ctx.Err() != nil {
				return sess.Err(err)
			}
			continue
		}
		var samples []fdcSample
		if json.Unmarshal(raw, &samples) != nil {
			continue
		}
		for _, smp := range samples {
			if err := stream.Send(&toolmonv1.SensorTrace{ToolId: req.GetToolId(), Chamber: req.GetChamber(),
				Sensor: smp.Sensor, Value: smp.Value, UnixMs: smp.TS}); err != nil {
				return err
			}
			since = smp.TS
		}
	}
}
