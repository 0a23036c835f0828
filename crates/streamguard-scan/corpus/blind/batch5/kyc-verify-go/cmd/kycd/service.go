package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"example.com/kyc/internal/cases"
	"example.com/kyc/internal/guard"
	pb "example.com/kyc/internal/kycpb"
	"example.com/kyc/internal/ocr"
	"example.com/kyc/internal/screening"
)

const maxDocument = 25 << 20

type verification struct {
	pb.UnimplementedVerificationServer
	cases     *cases.Store
	screening screening.Client
}

func ownsCase(c *guard.Claims, caseID string) bool {
	for _, id := range c.Cases {
		if id == caseID {
			return true
		}
	}
	return false
}

func (v *verification) UploadDocument(stream grpc.ClientStreamingServer[pb.DocumentChunk, pb.VerificationTicket]) error {
	claims := guard.ClaimsFrom(stream.Context())
	var buf bytes.Buffer
	var caseID, docType string
	for {
		chunk, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		if caseID == "" {
			caseID, docType = chunk.GetCaseId(), chunk.GetDocType()
			if !ownsCase(claims, caseID) {
				return status.Errorf(codes.PermissionDenied, "case %s is not yours", caseID)
			}
		}
		if buf.Len()+len(chunk.GetContent()) > maxDocument {
			return status.Error(codes.ResourceExhausted, "document larger than 25 MiB")
		}
		buf.Write(chunk.GetContent())
	}
	// The vendor can take a while on passports; it has its own 60 s client timeout.
	res, err := ocr.Submit(context.Background(), docType, buf.Bytes())
	if err != nil {
		return status.Errorf(codes.Unavailable, "ocr vendor: %v", err)
	}
	docID, err := v.cases.AttachDocument(stream.Context(), caseID, docType, res.ObjectKey, res.Status)
	if err != nil {
		return status.Errorf(codes.Internal, "store document: %v", err)
	}
	return stream.SendAndClose(&pb.VerificationTicket{CaseId: caseID, DocumentId: docID, OcrStatus: res.Status})
}

func (v *verification) WatchCase(req *pb.WatchCaseRequest, stream grpc.ServerStreamingServer[pb.CaseEvent]) error {
	ctx := stream.Context()
	claims := guard.ClaimsFrom(ctx)
	if err := mayReview(ctx, v.cases, claims, req.GetCaseId()); err != nil {
		return err
	}
	after := time.Time{}
	tick := time.NewTicker(3 * time.Second)
	defer tick.Stop()
	for {
		events, err := v.cases.EventsAfter(ctx, req.GetCaseId(), after)
		if err != nil {
			return status.Errorf(codes.Unavailable, "case events: %v", err)
		}
		for _, e := range events {
			after = e.At
			if err := stream.Send(&pb.CaseEvent{CaseId: req.GetCaseId(), State: e.State, Note: e.Note, AtUnix: e.At.Unix()}); err != nil {
				return err
			}
		}
		select {
		case <-ctx.Done():
			return context.Cause(ctx)
		case <-tick.C:
		}
	}
}

func (v *verification) ReviewSession(stream grpc.BidiStreamingServer[pb.ReviewAction, pb.ReviewResult]) error {
	ctx := stream.Context()
	claims := guard.ClaimsFrom(ctx)
	for {
		// Every action has already passed reviewAuthorizer in the guard's RecvMsg.
		act, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		res := &pb.ReviewResult{ActionId: act.GetActionId(), CaseId: act.GetCaseId()}
		if act.GetDecision() == "approve" {
			clear, err := v.screening.Clear(ctx, act.GetCaseId())
			if err != nil || !clear {
				res.Error = "screening did not clear the case"
				if err := stream.Send(res); err != nil {
					return err
				}
				continue
			}
		}
		if err := v.cases.Decide(ctx, act.GetCaseId(), act.GetDecision(), act.GetReason(), claims.Subject); err != nil {
			res.Error = err.Error()
		} else {
			res.Applied = true
		}
		if err := stream.Send(res); err != nil {
			return err
		}
	}
}

func mayReview(ctx context.Context, store *cases.Store, c *guard.Claims, caseID string) error {
	if c.Role == "supervisor" {
		return nil
	}
	if c.Role != "reviewer" {
		return status.Error(codes.PermissionDenied, "reviewers only")
	}
	q, err := store.Queue(ctx, caseID)
	if err != nil {
		return status.Errorf(codes.NotFound, "case %s: %v", caseID, err)
	}
	if q != c.Queue {
		return status.Errorf(codes.PermissionDenied, "case %s is in queue %s, not %s", caseID, q, c.Queue)
	}
	return nil
}

// reviewAuthorizer is installed for ReviewSession: every action is checked against the
// reviewer's queue before the handler sees it.
func reviewAuthorizer(store *cases.Store) guard.Authorizer {
	return func(ctx context.Context, c *guard.Claims, msg any) error {
		act, ok := msg.(*pb.ReviewAction)
		if !ok {
			return status.Error(codes.Internal, "unexpected message type")
		}
		return mayReview(ctx, store, c, act.GetCaseId())
	}
}
