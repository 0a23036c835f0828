package gates

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	gatesv1 "example.org/railco/gates/gen/gatesv1"
	"example.org/railco/gates/internal/guard"
)

type Server struct {
	gatesv1.UnimplementedTicketGatesServer
	DB          *pgxpool.Pool
	FareEngine  string // base URL of the fare engine (HTTP)
	HTTP        *http.Client
	StatusEvery time.Duration
}

// Authorizers are installed in the guard, keyed by full method name.
func Authorizers() map[string]guard.Authorizer {
	return map[string]guard.Authorizer{
		"/gates.v1.TicketGates/GateLink": func(p *guard.Principal, m any) error {
			if !p.HasGate(m.(*gatesv1.TapEvent).GetGateId()) {
				return errors.New("gate_not_allowed")
			}
			return nil
		},
		"/gates.v1.TicketGates/UploadTapLog": func(p *guard.Principal, m any) error {
			if !p.HasGate(m.(*gatesv1.TapLogChunk).GetGateId()) {
				return errors.New("gate_not_allowed")
			}
			return nil
		},
	}
}

func (s *Server) validate(ctx context.Context, ev *gatesv1.TapEvent) (bool, string, error) {
	u := s.FareEngine + "/validate?" + url.Values{"media": {ev.GetMediaId()}, "kind": {ev.GetMediaKind()}, "gate": {ev.GetGateId()}}.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return false, "", err
	}
	resp, err := s.HTTP.Do(req)
	if err != nil {
		return false, "", err
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusOK:
		return true, "valid", nil
	case http.StatusPaymentRequired:
		return false, "no_valid_fare", nil
	default:
		return false, resp.Status, nil
	}
}

func (s *Server) GateLink(stream gatesv1.TicketGates_GateLinkServer) error {
	ctx := stream.Context()
	for {
		ev, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		// Each tap must be answered within 300 ms or the gate falls back to offline mode;
		// the guard's context still carries the stream's own deadline, expiry and lifetime.
		tctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
		ok, reason, err := s.validate(tctx, ev)
		cancel()
		if err != nil {
			ok, reason = false, "fare_engine_unavailable"
		}
		if err := stream.Send(&gatesv1.GateDecision{TapId: ev.GetTapId(), Open: ok, Reason: reason}); err != nil {
			return err
		}
	}
}

func (s *Server) WatchGateStatus(req *gatesv1.WatchGateStatusRequest, stream gatesv1.TicketGates_WatchGateStatusServer) error {
	ctx := stream.Context()
	p := guard.PrincipalFrom(ctx)
	if !p.HasStation(req.GetStationId()) {
		return status.Error(codes.PermissionDenied, "station_not_allowed")
	}
	t := time.NewTicker(s.StatusEvery)
	defer t.Stop()
	for {
		rows, err := s.DB.Query(ctx, `SELECT gate_id, mode, taps_last_minute FROM gate_status WHERE station_id = $1`, req.GetStationId())
		if err != nil {
			return status.FromContextError(err).Err()
		}
		for rows.Next() {
			gs := &gatesv1.GateStatus{UnixMs: time.Now().UnixMilli()}
			if err := rows.Scan(&gs.GateId, &gs.Mode, &gs.TapsLastMinute); err != nil {
				rows.Close()
				return err
			}
			if err := stream.Send(gs); err != nil {
				rows.Close()
				return err
			}
		}
		rows.Close()
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

func (s *Server) UploadTapLog(stream gatesv1.TicketGates_UploadTapLogServer) error {
	ctx := stream.Context()
	var total uint64
	for {
		chunk, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return stream.SendAndClose(&gatesv1.TapLogReceipt{Rows: total})
		}
		if err != nil {
			return err
		}
		tag, err := s.DB.Exec(ctx, `INSERT INTO tap_log_raw (gate_id, payload) VALUES ($1, $2)`, chunk.GetGateId(), chunk.GetRows())
		if err != nil {
			return status.FromContextError(err).Err()
		}
		total += uint64(tag.RowsAffected())
	}
}
