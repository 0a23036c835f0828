package toolmon

import (
	"context"
	"errors"
	"fmt"
	"io"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	toolmonv1 "fab.example.com/toolmon/gen/fab/toolmon/v1"
)

func (s *Server) UploadWaferMap(stream grpc.ClientStreamingServer[toolmonv1.WaferMapChunk, toolmonv1.UploadResult]) error {
	sess, err := s.Sessions.Open(stream.Context())
	if err != nil {
		return err
	}
	defer sess.Close()

	first, err := stream.Recv()
	if err != nil {
		return err
	}
	hdr := first.GetHeader()
	if hdr == nil {
		return status.Error(codes.InvalidArgument, "header first")
	}
	if !sess.MayUseTool(hdr.GetToolId()) {
		return status.Error(codes.PermissionDenied, "not qualified on this tool")
	}

	pr, pw := io.Pipe()
	key := fmt.Sprintf("wafermaps/%s/%s.bin", hdr.GetLotId(), hdr.GetWaferId())
	type putResult struct {
		n   int64
		err error
	}
	done := make(chan putResult, 1)
	go func() {
		// The object store is slow under load; give the upload all the time it needs.
		n, err := s.Blobs.Put(context.Background(), key, pr)
		pr.CloseWithError(err)
		done <- putResult{n, err}
	}()

	for {
		c, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		if _, err := pw.Write(c.GetData()); err != nil {
			return status.Error(codes.Unavailable, "object store write failed")
		}
	}
	pw.Close()
	r := <-done
	if r.err != nil {
		return status.Errorf(codes.Unavailable, "object store: %v", r.err)
	}
	return stream.SendAndClose(&toolmonv1.UploadResult{ObjectKey: key, Bytes: uint64(r.n)})
}
