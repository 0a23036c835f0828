package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/oceanlink/cablemon/gen/cablepb"
	"golang.org/x/time/rate"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

const alarmTempC = 45.0

// StreamDTS receives the DTS traces of a shore station (one every ~10 s per
// fibre, for as long as the station runs). Every trace carries the station's
// token, verified trace by trace.
func (m *Monitor) StreamDTS(stream cablepb.CableMonitor_StreamDTSServer) error {
	ctx := stream.Context()
	limiter := rate.NewLimiter(rate.Limit(2), 10)
	var traces, alarms uint64
	for {
		tr, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return stream.SendAndClose(&cablepb.DTSSummary{Traces: traces, Alarms: alarms})
		}
		if err != nil {
			return err
		}
		stationID, err := m.Stations.Verify(tr.GetStationToken(), tr.GetSegmentId(), time.Now())
		if err != nil {
			return status.Error(codes.Unauthenticated, err.Error())
		}
		if !limiter.Allow() {
			return status.Error(codes.ResourceExhausted, "trace rate exceeded")
		}
		at := time.UnixMilli(tr.GetUnixMs())
		if err := m.Store.InsertTrace(ctx, tr.GetSegmentId(), tr.GetStartKm(), tr.GetStepM(), tr.GetTempsC(), at); err != nil {
			return status.Errorf(codes.Unavailable, "store: %v", err)
		}
		traces++
		for i, t := range tr.GetTempsC() {
			if float64(t) < alarmTempC {
				continue
			}
			alarms++
			km := tr.GetStartKm() + float64(i)*tr.GetStepM()/1000
			m.raiseAlarm(stationID, tr.GetSegmentId(), km, float64(t))
			break
		}
	}
}

// raiseAlarm posts a hot-spot alarm to the NOC alarm manager. Alarms must get
// through even if the station's stream drops, so they are not tied to it.
func (m *Monitor) raiseAlarm(stationID, segment string, km, tempC float64) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	body, _ := json.Marshal(map[string]any{
		"source": stationID, "segment": segment, "km": km, "temp_c": tempC, "kind": "DTS_HOTSPOT",
	})
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, m.AlarmURL, bytes.NewReader(body))
	req.Header.Set("content-type", "application/json")
	resp, err := m.HTTP.Do(req)
	if err != nil {
		slog.Error("alarm post failed", "segment", segment, "err", err)
		return
	}
	resp.Body.Close()
}
