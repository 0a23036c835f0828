package catenary

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/citytram/catenary/gen/catpb"
	"github.com/citytram/catenary/internal/guard"
)

type Service struct {
	catpb.UnimplementedCatenaryServer
	DB          *pgxpool.Pool
	DispatchURL string
}

var dispatchClient = &http.Client{Timeout: 30 * time.Second}

func (s *Service) WatchSection(req *catpb.WatchSectionRequest, stream catpb.Catenary_WatchSectionServer) error {
	ctx := stream.Context()
	if !guard.PrincipalFrom(ctx).May("sections:read", req.GetSectionId()) {
		return status.Error(codes.PermissionDenied, "insufficient_scope")
	}
	t := time.NewTicker(5 * time.Second)
	defer t.Stop()
	for {
		var s1 catpb.SectionSample
		err := s.DB.QueryRow(ctx, `SELECT tension_kn, wire_temp_c FROM section_latest WHERE section_id = $1`, req.GetSectionId()).
			Scan(&s1.TensionKn, &s1.WireTempC)
		if err == nil {
			s1.SectionId, s1.AtUnixMs = req.GetSectionId(), time.Now().UnixMilli()
			if err := stream.Send(&s1); err != nil {
				return err
			}
		}
		select {
		case <-ctx.Done():
			return context.Cause(ctx)
		case <-t.C:
		}
	}
}

// LinemanConsole: each command was authorized by the guard's RecvMsg authorizer.
func (s *Service) LinemanConsole(stream catpb.Catenary_LinemanConsoleServer) error {
	p := guard.PrincipalFrom(stream.Context())
	for {
		cmd, err := stream.Recv()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if cmd.GetAction() == "request_crew" {
			// paging the crew can take a while; do not block the console
			go s.dispatchCrew(context.Background(), p.Sub, cmd)
		}
		if err := stream.Send(&catpb.LinemanAck{RequestId: cmd.GetRequestId(), Status: "ACCEPTED"}); err != nil {
			return err
		}
	}
}

func (s *Service) dispatchCrew(ctx context.Context, by string, cmd *catpb.LinemanCommand) {
	body, _ := json.Marshal(map[string]string{"section": cmd.GetSectionId(), "note": cmd.GetNote(), "by": by})
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, s.DispatchURL+"/v1/callouts", bytes.NewReader(body))
	resp, err := dispatchClient.Do(req)
	if err != nil {
		log.Printf("crew dispatch for %s: %v", cmd.GetSectionId(), err)
		return
	}
	resp.Body.Close()
}

func (s *Service) ExportFaults(req *catpb.ExportFaultsRequest, stream catpb.Catenary_ExportFaultsServer) error {
	ctx, cancel := context.WithTimeout(stream.Context(), 2*time.Minute)
	defer cancel()
	rows, err := s.DB.Query(ctx, `SELECT section_id, kind, extract(epoch from at)::bigint FROM faults WHERE depot = $1 AND at >= to_timestamp($2) ORDER BY at`, req.GetDepot(), req.GetSinceUnix())
	if err != nil {
		return status.Error(codes.Unavailable, fmt.Sprint(err))
	}
	defer rows.Close()
	for rows.Next() {
		f := &catpb.FaultRecord{}
		if err := rows.Scan(&f.SectionId, &f.Kind, &f.AtUnix); err != nil {
			return err
		}
		if err := stream.Send(f); err != nil {
			return err
		}
	}
	return rows.Err()
}
