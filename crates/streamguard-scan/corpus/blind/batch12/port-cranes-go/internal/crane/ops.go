package crane

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/minio/minio-go/v7"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"harbour.example/cranes/internal/guard"
	"harbour.example/cranes/internal/tos"
	"harbour.example/cranes/pb/cranepb"
)

type Ops struct {
	cranepb.UnimplementedCraneOpsServer
	TOS    *tos.Client
	Store  *minio.Client
	Bucket string
}

func (o *Ops) CraneConsole(stream cranepb.CraneOps_CraneConsoleServer) error {
	ctx := stream.Context()
	for {
		cmd, err := stream.Recv() // authorized per command by guard.guardedStream
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		state, err := o.TOS.Move(ctx, cmd.CraneId, cmd.Move, cmd.ContainerId, cmd.Bay)
		ev := &cranepb.CraneEvent{RequestId: cmd.RequestId, CraneId: cmd.CraneId, State: state}
		if err != nil {
			ev.State, ev.Detail = "FAILED", err.Error()
		}
		if err := stream.Send(ev); err != nil {
			return err
		}
	}
}

func (o *Ops) WatchBerth(req *cranepb.WatchBerthRequest, stream cranepb.CraneOps_WatchBerthServer) error {
	ctx := stream.Context()
	op := guard.OperatorFrom(ctx)
	if op == nil || !op.HasBerth(req.BerthId) {
		return status.Error(codes.PermissionDenied, "berth not permitted")
	}
	t := time.NewTicker(5 * time.Second)
	defer t.Stop()
	for {
		w, err := o.TOS.Berth(req.BerthId)
		if err != nil {
			return status.Error(codes.Unavailable, err.Error())
		}
		if err := stream.Send(&cranepb.BerthStatus{BerthId: req.BerthId, Vessel: w.Vessel, MovesDone: w.MovesDone, MovesLeft: w.MovesLeft, EtaCompletion: w.EtaCompletion}); err != nil {
			return err
		}
		select {
		case <-ctx.Done():
			return context.Cause(ctx)
		case <-t.C:
		}
	}
}

func (o *Ops) UploadLashingPlan(stream cranepb.CraneOps_UploadLashingPlanServer) error {
	ctx := stream.Context()
	op := guard.OperatorFrom(ctx)
	if op == nil || !op.Can("lashing:upload") {
		return status.Error(codes.PermissionDenied, "lashing:upload required")
	}
	first, err := stream.Recv()
	if err != nil {
		return err
	}
	key := fmt.Sprintf("lashing/%s/%d.xml", first.VesselCall, time.Now().Unix())
	pr, pw := io.Pipe()
	go func() {
		if _, err := pw.Write(first.Data); err != nil {
			return
		}
		for {
			c, err := stream.Recv()
			if errors.Is(err, io.EOF) {
				pw.Close()
				return
			}
			if err != nil {
				pw.CloseWithError(err)
				return
			}
			if _, err := pw.Write(c.Data); err != nil {
				return
			}
		}
	}()
	info, err := o.Store.PutObject(ctx, o.Bucket, key, pr, -1, minio.PutObjectOptions{ContentType: "application/xml"})
	if err != nil {
		pr.CloseWithError(err)
		return status.Error(codes.Unavailable, err.Error())
	}
	return stream.SendAndClose(&cranepb.LashingReceipt{ObjectKey: key, Bytes: uint64(info.Size)})
}
