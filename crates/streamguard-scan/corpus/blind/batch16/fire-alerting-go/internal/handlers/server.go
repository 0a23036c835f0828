package handlers

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"time"

	"golang.org/x/time/rate"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	alertingv1 "github.com/metrofire/alerting/gen/alertingv1"
	"github.com/metrofire/alerting/internal/auth"
	"github.com/metrofire/alerting/internal/cad"
	"github.com/metrofire/alerting/internal/paging"
)

type Server struct {
	alertingv1.UnimplementedStationAlertingServer
	CAD    *cad.Store
	Pager  *paging.Client
	PollEvery time.Duration
}

func (s *Server) WatchIncidents(req *alertingv1.WatchIncidentsRequest, stream alertingv1.StationAlerting_WatchIncidentsServer) error {
	ctx := stream.Context()
	ff, ok := auth.FromContext(ctx)
	if !ok || !ff.AtStation(req.GetStationId()) {
		return status.Error(codes.PermissionDenied, "not assigned to this station")
	}
	var since int64
	ticker := time.NewTicker(s.PollEvery)
	defer ticker.Stop()
	for {
		incidents, err := s.CAD.OpenIncidents(ctx, req.GetStationId(), since)
		if err != nil {
			return status.Error(codes.Unavailable, "cad unavailable")
		}
		for _, inc := range incidents {
			if err := stream.Send(inc); err != nil {
				return err
			}
			since = inc.GetDispatchedUnix()
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-ticker.C:
		}
	}
}

func (s *Server) CrewLink(stream alertingv1.StationAlerting_CrewLinkServer) error {
	ctx := stream.Context()
	ff, _ := auth.FromContext(ctx)
	limiter := rate.NewLimiter(rate.Every(500*time.Millisecond), 10)
	station := ""
	for {
		msg, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if !limiter.Allow() {
			return status.Error(codes.ResourceExhausted, "too many crew messages")
		}
		switch b := msg.GetBody().(type) {
		case *alertingv1.CrewMessage_Join:
			if !ff.AtStation(b.Join.GetStationId()) {
				return status.Error(codes.PermissionDenied, "not assigned to this station")
			}
			station = b.Join.GetStationId()
			_ = stream.Send(&alertingv1.CrewUpdate{MessageId: msg.GetMessageId(), Result: "joined"})
		case *alertingv1.CrewMessage_Ack:
			if station == "" {
				return status.Error(codes.FailedPrecondition, "join first")
			}
			incident := b.Ack.GetIncidentId()
			go func() {
				if err := s.Pager.Acknowledge(context.Background(), incident, station, ff.Subject); err != nil {
					slog.Warn("pager ack failed", "incident", incident, "err", err)
				}
			}()
			_ = stream.Send(&alertingv1.CrewUpdate{MessageId: msg.GetMessageId(), Result: "acknowledged"})
		case *alertingv1.CrewMessage_Status:
			if station == "" {
				return status.Error(codes.FailedPrecondition, "join first")
			}
			// The status names its own incident and appliance (mutual aid runs span stations).
			if err := s.CAD.SetApplianceStatus(ctx, b.Status.GetIncidentId(), b.Status.GetAppliance(), b.Status.GetStatus()); err != nil {
				return status.Error(codes.Unavailable, "cad unavailable")
			}
			_ = stream.Send(&alertingv1.CrewUpdate{MessageId: msg.GetMessageId(), Result: "status recorded"})
		}
	}
}

func (s *Server) SubmitRunReport(stream alertingv1.StationAlerting_SubmitRunReportServer) error {
	ctx := stream.Context()
	ff, _ := auth.FromContext(ctx)
	sections := map[string]string{}
	incident := ""
	for {
		sec, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		if incident == "" {
			incident = sec.GetIncidentId()
		} else if sec.GetIncidentId() != incident {
			return status.Error(codes.InvalidArgument, "one incident per report")
		}
		if len(sections) > 40 {
			return status.Error(codes.InvalidArgument, "report too long")
		}
		sections[sec.GetSection()] = sec.GetText()
	}
	if ff.Rank != "officer" {
		return status.Error(codes.PermissionDenied, "officers file run reports")
	}
	id, err := s.CAD.SaveReport(ctx, incident, sections)
	if err != nil {
		return status.Error(codes.Unavailable, "cad unavailable")
	}
	return stream.SendAndClose(&alertingv1.RunReportReceipt{ReportId: id})
}
