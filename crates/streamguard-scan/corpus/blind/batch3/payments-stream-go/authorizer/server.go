package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"log"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/tillpay/authorizer/pb"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

const fraudBudget = 800 * time.Millisecond

type authorizerServer struct {
	pb.UnimplementedAuthorizerServer

	db     *pgxpool.Pool
	keys   *KeyStore
	fraud  *FraudClient
	limits *VelocityLimits
}

func newAuthID() string {
	b := make([]byte, 10)
	_, _ = rand.Read(b)
	return "au_" + hex.EncodeToString(b)
}

func (s *authorizerServer) terminal(ctx context.Context) (Terminal, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	keys := md.Get("x-terminal-key")
	if len(keys) != 1 {
		return Terminal{}, status.Error(codes.Unauthenticated, "terminal key required")
	}
	t, ok := s.keys.Lookup(keys[0])
	if !ok {
		return Terminal{}, status.Error(codes.Unauthenticated, "unknown or disabled terminal")
	}
	return t, nil
}

func (s *authorizerServer) Capture(ctx context.Context, req *pb.CaptureRequest) (*pb.CaptureResponse, error) {
	t, err := s.terminal(ctx)
	if err != nil {
		return nil, err
	}
	var id string
	err = s.db.QueryRow(ctx,
		`UPDATE auths SET captured_minor = $1, status = 'captured' WHERE id = $2 AND terminal_id = $3 RETURNING capture_id`,
		req.GetAmountMinor(), req.GetAuthId(), t.ID).Scan(&id)
	if err != nil {
		return nil, status.Error(codes.NotFound, "authorization not found")
	}
	return &pb.CaptureResponse{CaptureId: id, Status: "captured"}, nil
}

func (s *authorizerServer) AuthorizeStream(stream grpc.BidiStreamingServer[pb.AuthRequest, pb.AuthDecision]) error {
	term, err := s.terminal(stream.Context())
	if err != nil {
		return err
	}
	for {
		req, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		decision := &pb.AuthDecision{RequestId: req.GetRequestId()}
		switch {
		case req.GetMerchantId() != term.MerchantID:
			decision.DeclineCode = "merchant_mismatch"
		case !s.limits.Allow(term.ID):
			decision.DeclineCode = "velocity"
		default:
			fctx, cancel := context.WithTimeout(context.Background(), fraudBudget)
			verdict, ferr := s.fraud.Score(fctx, term.ID, req)
			cancel()
			switch {
			case ferr != nil:
				log.Printf("fraud check failed for %s: %v", req.GetRequestId(), ferr)
				decision.DeclineCode = "issuer_unavailable"
			case verdict.Action != "allow":
				decision.DeclineCode = "do_not_honour"
			default:
				decision.Approved = true
				decision.AuthId = newAuthID()
				if _, err := s.db.Exec(stream.Context(),
					`INSERT INTO auths (id, terminal_id, merchant_id, amount_minor, currency, status) VALUES ($1, $2, $3, $4, $5, 'authorized')`,
					decision.AuthId, term.ID, term.MerchantID, req.GetAmountMinor(), req.GetCurrency()); err != nil {
					return status.Error(codes.Internal, "could not record authorization")
				}
			}
		}
		if err := stream.Send(decision); err != nil {
			return err
		}
	}
}

func (s *authorizerServer) StreamSettlements(req *pb.SettlementsRequest, stream grpc.ServerStreamingServer[pb.Settlement]) error {
	term, err := s.terminal(stream.Context())
	if err != nil {
		return err
	}
	if req.GetMerchantId() != term.MerchantID {
		return status.Error(codes.PermissionDenied, "merchant mismatch")
	}
	rows, err := s.db.Query(stream.Context(),
		`SELECT id, merchant_id, gross_minor, fees_minor, currency FROM settlements WHERE merchant_id = $1 AND business_date = $2 ORDER BY id`,
		req.GetMerchantId(), req.GetBusinessDate())
	if err != nil {
		return status.Error(codes.Unavailable, err.Error())
	}
	defer rows.Close()
	for rows.Next() {
		var st pb.Settlement
		if err := rows.Scan(&st.SettlementId, &st.MerchantId, &st.GrossMinor, &st.FeesMinor, &st.Currency); err != nil {
			return status.Error(codes.Internal, err.Error())
		}
		if err := stream.Send(&st); err != nil {
			return err
		}
	}
	return rows.Err()
}
