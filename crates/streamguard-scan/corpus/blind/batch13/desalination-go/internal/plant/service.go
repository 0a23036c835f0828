package plant

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"example.org/desal/gen/desalpb"
	"example.org/desal/internal/guard"
)

type Service struct {
	desalpb.UnimplementedDesalinationServer
	Historian string       // SCADA historian REST base URL
	HTTP      *http.Client // shared client, 30 s cap
	Dosing    *DosingGateway
	DB        *sql.DB
}

func (s *Service) WatchTrain(req *desalpb.WatchTrainRequest, stream desalpb.Desalination_WatchTrainServer) error {
	ctx := stream.Context()
	op := guard.OperatorFrom(ctx)
	if op == nil || !op.Trains[req.TrainId] {
		return status.Error(codes.PermissionDenied, "train not assigned")
	}
	tick := time.NewTicker(2 * time.Second)
	defer tick.Stop()
	for {
		hreq, _ := http.NewRequestWithContext(ctx, http.MethodGet,
			fmt.Sprintf("%s/trains/%s/now", s.Historian, req.TrainId), nil)
		resp, err := s.HTTP.Do(hreq)
		if err != nil {
			return status.FromContextError(ctx.Err()).Err()
		}
		var st desalpb.TrainStatus
		err = json.NewDecoder(resp.Body).Decode(&st)
		resp.Body.Close()
		if err != nil {
			return status.Error(codes.Unavailable, "historian")
		}
		st.TrainId = req.TrainId
		if err := stream.Send(&st); err != nil {
			return err
		}
		select {
		case <-ctx.Done():
			return context_cause(ctx)
		case <-tick.C:
		}
	}
}

func (s *Service) DosingConsole(stream desalpb.Desalination_DosingConsoleServer) error {
	opened := ""
	for {
		cmd, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		switch cmd.Kind {
		case desalpb.DosingCommand_OPEN:
			opened = cmd.TrainId
			if err := stream.Send(&desalpb.DosingAck{CommandId: cmd.CommandId, Applied: true}); err != nil {
				return err
			}
		case desalpb.DosingCommand_ADJUST:
			if opened == "" {
				return status.Error(codes.FailedPrecondition, "OPEN a train first")
			}
			ack := &desalpb.DosingAck{CommandId: cmd.CommandId, Applied: true}
			if err := s.Dosing.SetRate(cmd.TrainId, cmd.Chemical, cmd.MlPerMin); err != nil {
				ack.Applied, ack.Error = false, err.Error()
			}
			if err := stream.Send(ack); err != nil {
				return err
			}
		}
	}
}

func (s *Service) ExportPermeate(req *desalpb.ExportRequest, stream desalpb.Desalination_ExportPermeateServer) error {
	ctx := stream.Context()
	op := guard.OperatorFrom(ctx)
	if op == nil || !op.Trains[req.TrainId] {
		return status.Error(codes.PermissionDenied, "train not assigned")
	}
	rows, err := s.DB.QueryContext(ctx,
		`SELECT extract(epoch from sampled_at)::bigint, tds_mg_l, boron_mg_l FROM permeate_lab
		  WHERE train_id = $1 AND sampled_at BETWEEN to_timestamp($2) AND to_timestamp($3) ORDER BY sampled_at`,
		req.TrainId, req.FromUnix, req.ToUnix)
	if err != nil {
		return status.FromContextError(err).Err()
	}
	defer rows.Close()
	for rows.Next() {
		p := &desalpb.PermeateSample{TrainId: req.TrainId}
		if err := rows.Scan(&p.UnixS, &p.TdsMgL, &p.BoronMgL); err != nil {
			return err
		}
		if err := stream.Send(p); err != nil {
			return err
		}
	}
	return rows.Err()
}
