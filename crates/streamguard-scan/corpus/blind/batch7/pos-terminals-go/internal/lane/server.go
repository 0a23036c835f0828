// Package lane implements pos.v1.Terminal.
package lane

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	posv1 "github.com/brightmart/pos/gen/posv1"
	"github.com/brightmart/pos/internal/journal"
	"github.com/brightmart/pos/internal/limits"
	"github.com/brightmart/pos/internal/termauth"
)

type Line struct {
	SKU   string
	Qty   uint32
	Cents int64
}

type Server struct {
	posv1.UnimplementedTerminalServer
	ledger   *Ledger
	payments *Payments
	archive  *journal.Archive
	limits   *limits.PerTerminal
	log      *slog.Logger
}

func NewServer(l *Ledger, p *Payments, a *journal.Archive, lim *limits.PerTerminal, log *slog.Logger) *Server {
	return &Server{ledger: l, payments: p, archive: a, limits: lim, log: log}
}

func reply(id, st, msg string) *posv1.LaneResponse {
	return &posv1.LaneResponse{RequestId: id, Status: st, Message: msg}
}

func (s *Server) CheckoutLane(stream grpc.BidiStreamingServer[posv1.LaneRequest, posv1.LaneResponse]) error {
	ctx := stream.Context()
	term, ok := termauth.From(ctx)
	if !ok {
		return status.Error(codes.Unauthenticated, "no terminal identity")
	}
	var (
		opened bool
		store  string
		laneNo uint32
		basket []Line
		total  int64
	)
	for {
		req, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if !s.limits.Allow(term.ID) {
			return status.Error(codes.ResourceExhausted, "terminal over its operation rate")
		}
		id := req.GetRequestId()

		if open := req.GetOpen(); open != nil {
			if open.GetStoreId() != term.StoreID || open.GetLane() != term.Lane {
				return status.Errorf(codes.PermissionDenied, "terminal %s is not provisioned for %s/%d", term.ID, open.GetStoreId(), open.GetLane())
			}
			opened, store, laneNo = true, open.GetStoreId(), open.GetLane()
			basket, total = nil, 0
			if err := stream.Send(reply(id, "OPEN", "")); err != nil {
				return err
			}
			continue
		}
		if !opened {
			return status.Error(codes.FailedPrecondition, "open the lane first")
		}

		var resp *posv1.LaneResponse
		switch {
		case req.GetScan() != nil:
			sc := req.GetScan()
			cents, err := s.ledger.Price(ctx, store, sc.GetSku())
			if err != nil {
				resp = reply(id, "UNKNOWN_SKU", sc.GetSku())
				break
			}
			basket = append(basket, Line{SKU: sc.GetSku(), Qty: sc.GetQty(), Cents: cents * int64(sc.GetQty())})
			total += cents * int64(sc.GetQty())
			resp = &posv1.LaneResponse{RequestId: id, Status: "OK", TotalCents: total}

		case req.GetTender() != nil:
			t := req.GetTender()
			if t.GetMethod() == "card" {
				pctx, cancel := context.WithTimeout(ctx, 15*time.Second)
				_, err := s.payments.Authorize(pctx, store, t.GetCardToken(), total)
				cancel()
				if err != nil {
					resp = reply(id, "DECLINED", err.Error())
					break
				}
			}
			rid, err := s.ledger.Close(ctx, store, laneNo, basket, t.GetMethod(), total)
			if err != nil {
				return status.Errorf(codes.Unavailable, "ledger: %v", err)
			}
			resp = &posv1.LaneResponse{RequestId: id, Status: "PAID", ReceiptId: rid, TotalCents: total}
			basket, total = nil, 0

		case req.GetVoid() != nil:
			v := req.GetVoid()
			if err := s.ledger.Void(ctx, v.GetStoreId(), v.GetReceiptId()); err != nil {
				resp = reply(id, "NOT_FOUND", err.Error())
				break
			}
			resp = &posv1.LaneResponse{RequestId: id, Status: "VOIDED", ReceiptId: v.GetReceiptId()}

		case req.GetRefund() != nil:
			r := req.GetRefund()
			if err := s.ledger.Refund(ctx, r.GetStoreId(), r.GetReceiptId(), r.GetAmountCents()); err != nil {
				resp = reply(id, "NOT_FOUND", err.Error())
				break
			}
			resp = &posv1.LaneResponse{RequestId: id, Status: "REFUNDED", ReceiptId: r.GetReceiptId(), TotalCents: -r.GetAmountCents()}

		default:
			resp = reply(id, "INVALID", "empty request")
		}
		if err := stream.Send(resp); err != nil {
			return err
		}
	}
}

const maxJournalLines = 50_000

func (s *Server) UploadJournal(stream grpc.ClientStreamingServer[posv1.JournalLine, posv1.JournalReceipt]) error {
	ctx := stream.Context()
	term, _ := termauth.From(ctx)
	var lines []string
	for {
		l, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		if l.GetStoreId() != term.StoreID {
			return status.Error(codes.PermissionDenied, "journal for another store")
		}
		if len(lines) >= maxJournalLines {
			return status.Error(codes.ResourceExhausted, "journal too long")
		}
		lines = append(lines, l.GetLine())
	}
	if err := s.archive.Put(ctx, term.StoreID, term.Lane, lines); err != nil {
		return status.Errorf(codes.Unavailable, "archive: %v", err)
	}
	return stream.SendAndClose(&posv1.JournalReceipt{Lines: uint32(len(lines))})
}

func (s *Server) GetTerminal(ctx context.Context, req *posv1.GetTerminalRequest) (*posv1.TerminalInfo, error) {
	term, _ := termauth.From(ctx)
	if req.GetTerminalId() != term.ID {
		return nil, status.Error(codes.PermissionDenied, "another terminal")
	}
	return &posv1.TerminalInfo{TerminalId: term.ID, StoreId: term.StoreID, Lane: term.Lane, Firmware: "7.4.2"}, nil
}
