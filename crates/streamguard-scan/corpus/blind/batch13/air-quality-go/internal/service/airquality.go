package service

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/time/rate"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/citylabs/air-quality/gen/aqv1"
	"github.com/citylabs/air-quality/internal/archive"
	"github.com/citylabs/air-quality/internal/auth"
)

const batchSize = 120

type AirQuality struct {
	aqv1.UnimplementedAirQualityServer
	DB          *pgxpool.Pool
	Archive     *archive.Client
	CalibAPI    string
	HTTP        *http.Client
	Hub         *Hub
}

func (s *AirQuality) WatchDistrict(req *aqv1.WatchDistrictRequest, stream aqv1.AirQuality_WatchDistrictServer) error {
	ctx := stream.Context()
	claims, ok := auth.FromContext(ctx)
	if !ok || !claims.HasScope("aqi:read") {
		return status.Error(codes.PermissionDenied, "aqi:read required")
	}
	updates, unsubscribe := s.Hub.Subscribe(req.GetDistrictId())
	defer unsubscribe()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case u := <-updates:
			if err := stream.Send(u); err != nil {
				return err
			}
		}
	}
}

func (s *AirQuality) SensorUplink(stream aqv1.AirQuality_SensorUplinkServer) error {
	ctx := stream.Context()
	claims, ok := auth.FromContext(ctx)
	if !ok || claims.Sensor == "" {
		return status.Error(codes.PermissionDenied, "sensor token required")
	}
	limiter := rate.NewLimiter(rate.Limit(2), 20)
	var stored uint64
	batch := make([]*aqv1.SensorReading, 0, batchSize)
	for {
		r, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return stream.SendAndClose(&aqv1.UplinkSummary{Stored: stored})
		}
		if err != nil {
			return err
		}
		if !limiter.Allow() {
			return status.Error(codes.ResourceExhausted, "sensor sending too fast")
		}
		if _, err := s.DB.Exec(ctx,
			`INSERT INTO readings (sensor_id, at, pm25, pm10, no2, o3) VALUES ($1, to_timestamp($2/1000.0), $3, $4, $5, $6)`,
			claims.Sensor, r.UnixMs, r.Pm25, r.Pm10, r.No2, r.O3); err != nil {
			return status.Errorf(codes.Unavailable, "store: %v", err)
		}
		stored++
		batch = append(batch, r)
		if len(batch) == batchSize {
			full := batch
			batch = make([]*aqv1.SensorReading, 0, batchSize)
			go func() {
				_ = s.Archive.Put(context.Background(), claims.Sensor, full)
			}()
		}
	}
}

func (s *AirQuality) CalibrationSession(stream aqv1.AirQuality_CalibrationSessionServer) error {
	ctx := stream.Context()
	claims, ok := auth.FromContext(ctx)
	if !ok || !claims.HasScope("sensors:calibrate") {
		return status.Error(codes.PermissionDenied, "sensors:calibrate required")
	}
	allowed := map[string]bool{}
	for _, id := range claims.Sensors {
		allowed[id] = true
	}
	for {
		step, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if !allowed[step.SensorId] {
			if err := stream.Send(&aqv1.CalibrationResult{StepId: step.StepId, Error: "PERMISSION_DENIED"}); err != nil {
				return err
			}
			continue
		}
		res, err := s.fit(ctx, step)
		if err != nil {
			res = &aqv1.CalibrationResult{StepId: step.StepId, Error: err.Error()}
		}
		if err := stream.Send(res); err != nil {
			return err
		}
	}
}

func (s *AirQuality) fit(ctx context.Context, step *aqv1.CalibrationStep) (*aqv1.CalibrationResult, error) {
	cctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	url := fmt.Sprintf("%s/sensors/%s/fit?pollutant=%s&ref=%f", s.CalibAPI, step.SensorId, step.Pollutant, step.ReferenceValue)
	req, _ := http.NewRequestWithContext(cctx, http.MethodPost, url, nil)
	resp, err := s.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out struct{ Offset, Gain float64 }
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return nil, err
	}
	return &aqv1.CalibrationResult{StepId: step.StepId, Offset: out.Offset, Gain: out.Gain}, nil
}
