package spans

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"example.org/bridgeops/spanwatch/internal/session"
	"example.org/bridgeops/spanwatch/pkg/bridgepb"
	"github.com/jackc/pgx/v5/pgxpool"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

type Service struct {
	bridgepb.UnimplementedSpanWatchServer
	DB         *pgxpool.Pool
	CaptureURL string // accelerometer capture controller
	HTTP       *http.Client
}

func (s *Service) WatchSpan(req *bridgepb.WatchSpanRequest, stream grpc.ServerStreamingServer[bridgepb.SpanState]) error {
	ctx := stream.Context()
	p := session.PrincipalFrom(ctx)
	if !p.HasSpan(req.GetSpanId()) {
		return status.Error(codes.PermissionDenied, "span not assigned")
	}
	t := time.NewTicker(2 * time.Second)
	defer t.Stop()
	for {
		var st bridgepb.SpanState
		st.SpanId = req.GetSpanId()
		err := s.DB.QueryRow(ctx,
			`SELECT max_strain_ue, deflection_mm, cable_force_kn, alert_level FROM span_live WHERE span_id = $1`,
			req.GetSpanId()).Scan(&st.MaxStrainUe, &st.DeflectionMm, &st.CableForceKn, &st.AlertLevel)
		if err != nil {
			return status.Errorf(codes.Unavailable, "span_live: %v", err)
		}
		if err := stream.Send(&st); err != nil {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

func (s *Service) StrainUplink(stream grpc.ClientStreamingServer[bridgepb.StrainReading, bridgepb.UplinkAck]) error {
	ctx := stream.Context()
	var stored uint64
	for {
		r, err := stream.Recv() // span checked per reading by the session guard
		if errors.Is(err, io.EOF) {
			return stream.SendAndClose(&bridgepb.UplinkAck{Stored: stored})
		}
		if err != nil {
			return err
		}
		// a slow database must not outlive the logger's call: 20 s at most,
		// and never past the caller's own deadline
		wctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		_, err = s.DB.Exec(wctx,
			`INSERT INTO strain (span_id, gauge_id, microstrain, measured_at) VALUES ($1, $2, $3, to_timestamp($4 / 1000.0))`,
			r.SpanId, r.GaugeId, r.Microstrain, r.UnixMs)
		cancel()
		if err != nil {
			return status.Errorf(codes.Unavailable, "insert: %v", err)
		}
		stored++
	}
}

func (s *Service) InspectorSession(stream grpc.BidiStreamingServer[bridgepb.InspectorCommand, bridgepb.InspectorEvent]) error {
	ctx := stream.Context()
	for {
		cmd, err := stream.Recv() // span and role checked per command by the session guard
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		ev := &bridgepb.InspectorEvent{RequestId: cmd.RequestId, Status: "OK"}
		switch cmd.Action {
		case "CAPTURE":
			req, _ := http.NewRequestWithContext(ctx, http.MethodPost,
				fmt.Sprintf("%s/spans/%s/capture", s.CaptureURL, cmd.SpanId), nil)
			resp, err := s.HTTP.Do(req)
			if err != nil {
				ev.Status = "UNAVAILABLE"
			} else {
				ev.CaptureUrl = resp.Header.Get("Location")
				resp.Body.Close()
			}
		case "MARK_DEFECT", "NOTE":
			if _, err := s.DB.Exec(ctx,
				`INSERT INTO inspection_log (span_id, inspector, action, note) VALUES ($1, $2, $3, $4)`,
				cmd.SpanId, session.PrincipalFrom(ctx).Subject, cmd.Action, cmd.Note); err != nil {
				ev.Status = "UNAVAILABLE"
			}
		default:
			ev.Status = "INVALID_ARGUMENT"
		}
		if err := stream.Send(ev); err != nil {
			return err
		}
	}
}
