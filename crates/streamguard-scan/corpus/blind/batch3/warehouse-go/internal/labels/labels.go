package labels

import (
	"context"
	"fmt"
	"os/exec"
	"sync/atomic"

	"github.com/northwind/warehouse/gen/inventorypb"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

type Printer struct {
	inventorypb.UnimplementedLabelsServer
	seq atomic.Uint64
}

func (p *Printer) PrintLabel(ctx context.Context, req *inventorypb.PrintLabelRequest) (*inventorypb.PrintLabelResponse, error) {
	if req.GetCopies() == 0 || req.GetCopies() > 50 {
		return nil, status.Error(codes.InvalidArgument, "copies must be 1..50")
	}
	job := fmt.Sprintf("lbl-%d", p.seq.Add(1))
	cmd := exec.CommandContext(ctx, "lp", "-d", req.GetPrinter(), "-n", fmt.Sprint(req.GetCopies()), "-t", job, "/var/lib/labels/"+req.GetSku()+".zpl")
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, status.Errorf(codes.Unavailable, "lp: %v: %s", err, out)
	}
	return &inventorypb.PrintLabelResponse{JobId: job}, nil
}
