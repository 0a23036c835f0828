package locks

import (
	"context"
	"errors"
	"io"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"canaltrust.example/locks/gen/lockspb"
	"canaltrust.example/locks/internal/guard"
	"canaltrust.example/locks/internal/plc"
)

type Server struct {
	lockspb.UnimplementedLocksServer
	PLC     *plc.Client
	Archive *pgxpool.Pool
}

// AuthorizeGateCommand is registered with the guard for LockConsole: every command is
// checked against the keeper's locks and scopes before the handler sees it.
func AuthorizeGateCommand(k *guard.Keeper, msg any) error {
	cmd, ok := msg.(*lockspb.GateCommand)
	if !ok {
		return status.Error(codes.Internal, "unexpected message")
	}
	if !k.HasLock(cmd.GetLockId()) || !k.HasScope("locks:operate") {
		return status.Error(codes.PermissionDenied, "insufficient_scope")
	}
	return nil
}

func (s *Server) WatchLock(req *lockspb.WatchLockRequest, stream lockspb.Locks_WatchLockServer) error {
	ctx := stream.Context()
	k := guard.KeeperFrom(ctx)
	if k == nil || !k.HasLock(req.GetLockId()) {
		return status.Error(codes.PermissionDenied, "lock not assigned")
	}
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
		rctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		l, err := s.PLC.Levels(rctx, req.GetLockId())
		cancel()
		if err != nil {
			continue
		}
		if err := stream.Send(&lockspb.LockState{
			LockId: req.GetLockId(), UpperLevelM: l.Upper, ChamberLevelM: l.Chamber, LowerLevelM: l.Lower,
			UpperGates: l.UpperGates, LowerGates: l.LowerGates, UnixMs: time.Now().UnixMilli(),
		}); err != nil {
			return err
		}
	}
}

func (s *Server) LockConsole(stream lockspb.Locks_LockConsoleServer) error {
	ctx := stream.Context()
	for {
		cmd, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if status.Code(err) == codes.PermissionDenied {
			// Denied by the guard: report it for this command and keep the console open.
			_ = stream.Send(&lockspb.GateResult{Ok: false, Status: "PERMISSION_DENIED", Detail: "insufficient_scope"})
			continue
		}
		if err != nil {
			return err
		}
		opErr := s.PLC.Operate(ctx, cmd.GetLockId(), cmd.GetOp().String())
		res := &lockspb.GateResult{RequestId: cmd.GetRequestId(), Ok: opErr == nil, Status: "OK"}
		if opErr != nil {
			res.Status, res.Detail = "UNAVAILABLE", opErr.Error()
		}
		if err := stream.Send(res); err != nil {
			return err
		}
	}
}

func (s *Server) ExportPassages(req *lockspb.ExportPassagesRequest, stream lockspb.Locks_ExportPassagesServer) error {
	k := guard.KeeperFrom(stream.Context())
	if k == nil || !k.HasScope("passages:export") {
		return status.Error(codes.PermissionDenied, "passages:export required")
	}
	// The archive is a read replica on the other side of the country; give it time.
	qctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	rows, err := s.Archive.Query(qctx,
		`SELECT boat_licence, direction, extract(epoch from passed_at)::bigint
		   FROM passages WHERE lock_id = $1 AND passed_at BETWEEN to_timestamp($2) AND to_timestamp($3)
		  ORDER BY passed_at`, req.GetLockId(), req.GetFromUnix(), req.GetToUnix())
	if err != nil {
		return status.Errorf(codes.Unavailable, "archive: %v", err)
	}
	defer rows.Close()
	for rows.Next() {
		p := &lockspb.Passage{LockId: req.GetLockId()}
		if err := rows.Scan(&p.BoatLicence, &p.Direction, &p.PassedUnix); err != nil {
			return err
		}
		if err := stream.Send(p); err != nil {
			return err
		}
	}
	return rows.Err()
}
