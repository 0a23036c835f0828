package ramp

import (
	"context"
	"errors"
	"io"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	rampv1 "git.harbourlines.example/ops/ferry-ramp/gen/rampv1"
	"git.harbourlines.example/ops/ferry-ramp/internal/plcbus"
	"git.harbourlines.example/ops/ferry-ramp/internal/session"
)

type Ops struct {
	rampv1.UnimplementedRampOpsServer
	Sessions *session.Manager
	DB       *pgxpool.Pool
	PLC      *plcbus.Client
}

func (o *Ops) rampBerth(ctx context.Context, rampID string) (string, error) {
	var berth string
	err := o.DB.QueryRow(ctx, `SELECT berth_id FROM ramps WHERE ramp_id = $1`, rampID).Scan(&berth)
	return berth, err
}

func (o *Ops) WatchRamp(req *rampv1.WatchRampRequest, stream rampv1.RampOps_WatchRampServer) error {
	s, err := o.Sessions.Open(stream.Context())
	if err != nil {
		return err
	}
	defer s.Close()
	if !s.HasBerth(req.GetBerthId()) {
		return status.Error(codes.PermissionDenied, "berth_not_allowed")
	}
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		rows, err := o.DB.Query(s.Ctx, `SELECT ramp_id, height_m, tide_m, locked FROM ramp_state WHERE berth_id = $1`, req.GetBerthId())
		if err != nil {
			if s.Ctx.Err() != nil {
				return s.Err()
			}
			return status.Error(codes.Unavailable, "state store unavailable")
		}
		for rows.Next() {
			st := &rampv1.RampState{UnixMs: time.Now().UnixMilli()}
			if err := rows.Scan(&st.RampId, &st.HeightM, &st.TideM, &st.Locked); err == nil {
				if err := stream.Send(st); err != nil {
					rows.Close()
					return err
				}
			}
		}
		rows.Close()
		select {
		case <-s.Ctx.Done():
			return s.Err()
		case <-t.C:
		}
	}
}

func (o *Ops) RampControl(stream rampv1.RampOps_RampControlServer) error {
	s, err := o.Sessions.Open(stream.Context())
	if err != nil {
		return err
	}
	defer s.Close()
	if s.Role != "deckhand" && s.Role != "mate" {
		return status.Error(codes.PermissionDenied, "crew role required")
	}
	for {
		cmd, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			if s.Ctx.Err() != nil {
				return s.Err()
			}
			return err
		}
		berth, err := o.rampBerth(s.Ctx, cmd.GetRampId())
		if err != nil || !s.HasBerth(berth) {
			_ = stream.Send(&rampv1.RampCommandResult{CommandId: cmd.GetCommandId(), Reason: "ramp_not_allowed"})
			continue
		}
		// Hydraulic moves must finish once started: give the gateway its own 20 s budget.
		pctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		_, err = o.PLC.Command(pctx, cmd.GetRampId(), cmd.GetAction(), cmd.GetTargetHeightM())
		cancel()
		res := &rampv1.RampCommandResult{CommandId: cmd.GetCommandId(), Accepted: err == nil}
		if err != nil {
			res.Reason = err.Error()
		}
		if err := stream.Send(res); err != nil {
			return err
		}
	}
}
