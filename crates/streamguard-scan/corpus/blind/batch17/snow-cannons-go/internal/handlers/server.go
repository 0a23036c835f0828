package handlers

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/time/rate"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/alpenschnee/snowmaking/gen/snowpb"
	"github.com/alpenschnee/snowmaking/internal/auth"
	"github.com/alpenschnee/snowmaking/internal/plc"
)

type Server struct {
	snowpb.UnimplementedSnowmakingServer
	DB         *pgxpool.Pool
	PLC        *plc.Client
	WeatherURL string
}

func (s *Server) WatchSlope(req *snowpb.WatchSlopeRequest, stream snowpb.Snowmaking_WatchSlopeServer) error {
	ctx := stream.Context()
	claims := auth.FromContext(ctx)
	if !claims.HasZone(req.GetSlopeId()) {
		return status.Error(codes.PermissionDenied, "slope not in token")
	}
	tick := time.NewTicker(20 * time.Second)
	defer tick.Stop()
	for {
		wb, err := s.wetBulb(ctx, req.GetSlopeId())
		if err == nil {
			var on uint32
			_ = s.DB.QueryRow(ctx, `SELECT count(*) FROM cannons WHERE slope_id = $1 AND firing`, req.GetSlopeId()).Scan(&on)
			if err := stream.Send(&snowpb.SlopeState{SlopeId: req.GetSlopeId(), WetBulbC: wb, CannonsOn: on, AtUnixMs: time.Now().UnixMilli()}); err != nil {
				return err
			}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
		}
	}
}

func (s *Server) wetBulb(ctx context.Context, slope string) (float64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("%s/v1/stations/%s/wetbulb", s.WeatherURL, slope), nil)
	if err != nil {
		return 0, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var v float64
	_, err = fmt.Sscanf(string(b), "%f", &v)
	return v, err
}

func (s *Server) CannonControl(stream snowpb.Snowmaking_CannonControlServer) error {
	claims := auth.FromContext(stream.Context())
	limiter := rate.NewLimiter(rate.Every(2*time.Second), 5)
	var zone string
	for {
		cmd, err := stream.Recv()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if !limiter.Allow() {
			return status.Error(codes.ResourceExhausted, "slow down")
		}
		ack := &snowpb.CannonAck{RequestId: cmd.GetRequestId(), Status: "OK"}
		switch c := cmd.Cmd.(type) {
		case *snowpb.CannonCommand_Attach:
			if !claims.HasZone(c.Attach.GetZoneId()) {
				ack.Status, ack.Detail = "PERMISSION_DENIED", "zone not in token"
			} else {
				zone = c.Attach.GetZoneId()
			}
		case *snowpb.CannonCommand_Fire:
			if zone == "" {
				ack.Status = "FAILED_PRECONDITION"
				break
			}
			pctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			err = s.PLC.Fire(pctx, c.Fire.GetCannonId(), c.Fire.GetOn())
			cancel()
			if err != nil {
				ack.Status, ack.Detail = "UNAVAILABLE", err.Error()
			}
		case *snowpb.CannonCommand_Nozzle:
			if zone == "" {
				ack.Status = "FAILED_PRECONDITION"
				break
			}
			pctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			err = s.PLC.SetNozzle(pctx, c.Nozzle.GetCannonId(), c.Nozzle.GetStage())
			cancel()
			if err != nil {
				ack.Status, ack.Detail = "UNAVAILABLE", err.Error()
			}
		}
		if err := stream.Send(ack); err != nil {
			return err
		}
	}
}

func (s *Server) ListRuns(req *snowpb.ListRunsRequest, stream snowpb.Snowmaking_ListRunsServer) error {
	ctx := stream.Context()
	if !auth.FromContext(ctx).HasZone(req.GetSlopeId()) {
		return status.Error(codes.PermissionDenied, "slope not in token")
	}
	rows, err := s.DB.Query(ctx, `SELECT cannon_id, extract(epoch from started)::bigint, m3 FROM runs WHERE slope_id = $1 AND season = $2`, req.GetSlopeId(), req.GetSeason())
	if err != nil {
		return status.Error(codes.Unavailable, err.Error())
	}
	defer rows.Close()
	for rows.Next() {
		r := &snowpb.RunRecord{}
		if err := rows.Scan(&r.CannonId, &r.StartedUnix, &r.M3); err != nil {
			return err
		}
		if err := stream.Send(r); err != nil {
			return err
		}
	}
	return rows.Err()
}
