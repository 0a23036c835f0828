package export

import (
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/finco/ledger/api/ledgerpb"
)

const maxExportRows = 100_000

type Server struct {
	ledgerpb.UnimplementedExportServer
	db *pgxpool.Pool
}

func New(db *pgxpool.Pool) *Server { return &Server{db: db} }

func (s *Server) Export(req *ledgerpb.ExportRequest, stream grpc.ServerStreamingServer[ledgerpb.Entry]) error {
	ctx := stream.Context()
	rows, err := s.db.Query(ctx,
		`SELECT seq, account, amount_minor, currency, booked_at FROM entries
		 WHERE account = $1 AND booked_at >= $2 AND booked_at < $3 ORDER BY seq LIMIT $4`,
		req.GetAccount(), req.GetFrom().AsTime(), req.GetTo().AsTime(), maxExportRows)
	if err != nil {
		return status.Errorf(codes.Internal, "query: %v", err)
	}
	defer rows.Close()
	for rows.Next() {
		var e ledgerpb.Entry
		var booked time.Time
		if err := rows.Scan(&e.Seq, &e.Account, &e.AmountMinor, &e.Currency, &booked); err != nil {
			return status.Errorf(codes.Internal, "scan: %v", err)
		}
		e.BookedUnixMs = booked.UnixMilli()
		if err := stream.Send(&e); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (s *Server) Follow(req *ledgerpb.FollowRequest, stream grpc.ServerStreamingServer[ledgerpb.Entry]) error {
	ctx := stream.Context()
	last := req.GetAfterSeq()
	poll := time.NewTicker(2 * time.Second)
	defer poll.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-poll.C:
		}
		rows, err := s.db.Query(ctx,
			`SELECT seq, account, amount_minor, currency FROM entries WHERE seq > $1 ORDER BY seq LIMIT 500`, last)
		if err != nil {
			return status.Errorf(codes.Internal, "query: %v", err)
		}
		for rows.Next() {
			var e ledgerpb.Entry
			if err := rows.Scan(&e.Seq, &e.Account, &e.AmountMinor, &e.Currency); err != nil {
				rows.Close()
				return err
			}
			last = e.Seq
			if err := stream.Send(&e); err != nil {
				rows.Close()
				return err
			}
		}
		rows.Close()
	}
}
